package dev.atwatch.read.evtx;

/**
 * A cheap test on the bytes of an EVTX record, made before its binary XML is decoded. A record the
 * filter rejects is counted ({@link EvtxSummary#filtered()}) and not decoded.
 *
 * <p>The reader calls {@link #mayMatch} on up to three byte ranges of one record, and decodes the
 * record as soon as one call returns {@code true}:
 *
 * <ol>
 *   <li>the record itself, which holds every UTF-16LE string substitution value verbatim;
 *   <li>the constant text of the record's template (attribute values and element text), encoded
 *       UTF-16LE, pieces separated by a NUL character;
 *   <li>the rendering, in UTF-16LE, of the record's other substitution values (numbers, hex values,
 *       SIDs, GUIDs, times, ANSI strings), separated by NUL characters.
 * </ol>
 *
 * <p>So every value of the record's {@code System}, {@code EventData} and {@code UserData}, as the
 * reader renders it, lies whole inside one of the ranges. A filter is therefore sound when it
 * passes every range that contains, at any byte offset (not only even ones), the UTF-16LE encoding
 * of a literal that a matching event must hold inside one such value. The reader does not filter,
 * and always decodes, a record whose values cannot be seen this way: a template where one value is
 * made of several pieces (constant text next to a substitution), a binary XML value (its template
 * may live in another record), a nested template instance, an array in an attribute.
 *
 * <p>The filter does not see what the reader derives rather than reads: {@code sourcetype}, {@code
 * source}, {@code index}, {@code _time}, and the markup and escaping of {@code _raw} (element
 * names, {@code &amp;quot;}). A search literal taken from those must not be used in a filter.
 *
 * <p>Implementations must be thread-safe: chunks are filtered in parallel.
 */
@FunctionalInterface
public interface RecordFilter {

    /**
     * Whether the {@code length} bytes of {@code bytes} from {@code offset} may belong to a record
     * the search matches; {@code false} only when they certainly do not.
     */
    boolean mayMatch(byte[] bytes, int offset, int length);
}
