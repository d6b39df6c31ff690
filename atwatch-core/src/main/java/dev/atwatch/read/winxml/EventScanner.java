package dev.atwatch.read.winxml;

import dev.atwatch.read.EvtxDumpLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream of Windows event XML into one piece per {@code <Event>} element, without
 * parsing it: one event per line as Splunk stores it, a stream of events (pretty-printed or not,
 * prefixed or not), or an {@code <Events>} document. Tags, quoted attribute values, comments, CDATA
 * sections and processing instructions are recognised so that an {@code <Event} or a {@code >}
 * inside them does not cut the stream.
 *
 * <p>Only the current event is held in memory, and only up to {@code maxRecordBytes}: a larger
 * event is scanned to its end and reported as {@link Piece.Oversized}. An {@code <Event} start tag
 * met inside an event closes the unterminated one, so a malformed event never hides the next.
 *
 * <p>Whitespace between two tags that holds a line break (pretty-printing) is dropped from the
 * event's bytes, so each event comes out on one line as Splunk stores it.
 *
 * <p>Before the first event only a prolog, comments, a document type declaration and an {@code
 * <Events>} wrapper may stand; anything else (a line of another format, the end of an event cut off
 * by {@code tail}) is taken up to the next event start and reported as one {@link Piece.Leading}
 * range. The {@code Record <id>} lines {@code evtx_dump} prints between records are skipped.
 */
final class EventScanner {

    /** What the scanner found next. Offsets are of the decoded stream; lines are 1-based. */
    sealed interface Piece {
        long offset();

        long line();

        /** A complete {@code <Event>} element in {@code bytes[0..length)}. */
        record Element(byte[] bytes, int length, long offset, long line) implements Piece {}

        /** An event larger than the record limit; {@code bytes} is its full size. */
        record Oversized(long bytes, long offset, long line) implements Piece {}

        /** An event cut short by the end of the input or by the start of the next event. */
        record Unterminated(byte[] bytes, int length, long offset, long line, boolean atEnd)
                implements Piece {}

        /** A document type declaration, never read for entities. */
        record Doctype(long offset, long line) implements Piece {}

        /** Text or markup outside any event that is not whitespace, a prolog or a wrapper. */
        record Stray(String excerpt, long offset, long line) implements Piece {}

        /** The {@code bytes} bytes before the first event that are not a prolog or a wrapper. */
        record Leading(String excerpt, long bytes, long offset, long line) implements Piece {}
    }

    private static final int READ_BYTES = 64 * 1024;
    private static final int EXCERPT_BYTES = 60;
    private static final String EVENT = "Event";
    private static final String EVENTS = "Events";
    private static final String EXPORTED = "event";
    private static final String EXPORTED_EVENTS = "events";
    private static final String UTF8_BOM = "\u00ef\u00bb\u00bf";

    /**
     * Per byte: whether it may be part of an element or attribute name (letters, digits, {@code
     * :_-.} and every byte of a multi-byte UTF-8 sequence).
     */
    private static final boolean[] NAME_BYTES = new boolean[256];

    static {
        for (int b = 0; b < 256; b++) {
            char c = (char) b;
            NAME_BYTES[b] =
                    b >= 128
                            || (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || ":_-.".indexOf(c) >= 0;
        }
    }

    private final InputStream in;
    private final int maxRecordBytes;

    private byte[] buf = new byte[READ_BYTES * 2];
    private int pos;
    private int limit;
    private boolean eof;
    private long base;
    private long line = 1;
    private boolean seenEvent;

    private byte[] event = new byte[4096];
    private int eventLength;
    private long eventBytes;
    private long eventOffset;
    private long eventLine;

    EventScanner(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The number of bytes consumed so far. */
    long consumed() {
        return base + pos;
    }

    /** The current line: after a piece, the line it ends on. */
    long line() {
        return line;
    }

    /**
     * Whether the rest of the current line holds more than whitespace and end tags, such as the
     * next event of a document written on one line. Consumes nothing.
     */
    boolean moreOnLine() throws IOException {
        for (int i = 0; i < READ_BYTES && ensure(i + 1); i++) {
            byte b = peek(i);
            if (b == '\n') {
                return false;
            }
            if (!isWhitespace(b)) {
                return b != '<' || !ensure(i + 2) || peek(i + 1) != '/';
            }
        }
        return false;
    }

    /** The next piece, or {@code null} at the end of the input. */
    Piece next() throws IOException {
        if (consumed() == 0 && startsWith(UTF8_BOM)) {
            skipPast(UTF8_BOM);
        }
        while (true) {
            if (!skipWhitespace()) {
                return null;
            }
            if (skipRecordLine()) {
                continue;
            }
            if (peek(0) != '<') {
                return seenEvent ? stray() : leading();
            }
            Piece piece = markupOutsideEvent();
            if (piece != null) {
                return piece;
            }
        }
    }

    /** Skips an {@code evtx_dump} {@code Record <id>} line at the position, if one is there. */
    private boolean skipRecordLine() throws IOException {
        if (peek(0) != 'R') {
            return false;
        }
        boolean atEnd = !ensure(EvtxDumpLines.MAX_BYTES);
        int length = EvtxDumpLines.recordLine(buf, pos, limit, atEnd);
        for (int i = 0; i < length; i++) {
            take();
        }
        return length > 0;
    }

    /** Handles markup at the top level; returns a piece, or null when it was only skipped. */
    private Piece markupOutsideEvent() throws IOException {
        long offset = consumed();
        long startLine = line;
        if (startsWith("<?") || startsWith("<!--")) {
            skipPast(startsWith("<?") ? "?>" : "-->");
            return null;
        }
        if (startsWith("<!DOCTYPE") || startsWith("<!doctype")) {
            skipDoctype();
            return new Piece.Doctype(offset, startLine);
        }
        String root = eventRoot();
        if (root != null) {
            return scanEvent(root);
        }
        if (!seenEvent && !isElementStart(EVENTS) && !isUnprefixedStart(EXPORTED_EVENTS)) {
            return leading();
        }
        if (startsWith("<!") || startsWith("</")) {
            if (startsWith("<![CDATA[")) {
                skipPast("]]>");
                return new Piece.Stray("<![CDATA[...]]>", offset, startLine);
            }
            skipPast(">");
            return null;
        }
        skipTag();
        return null;
    }

    /**
     * Takes everything up to the next event, wrapper or prolog start: what stands before the first
     * event and is none of them.
     */
    private Piece leading() throws IOException {
        long offset = consumed();
        long startLine = line;
        byte[] excerpt = new byte[EXCERPT_BYTES];
        int n = 0;
        do {
            byte b = take();
            if (n < EXCERPT_BYTES) {
                excerpt[n++] = b;
            }
        } while (ensure(1) && !atDocumentStart());
        String text = new String(excerpt, 0, n, StandardCharsets.UTF_8).strip();
        return new Piece.Leading(text, consumed() - offset, offset, startLine);
    }

    private boolean atDocumentStart() throws IOException {
        return peek(0) == '<'
                && (eventRoot() != null
                        || isElementStart(EVENTS)
                        || isUnprefixedStart(EXPORTED_EVENTS)
                        || startsWith("<?"));
    }

    private Piece stray() throws IOException {
        long offset = consumed();
        long startLine = line;
        byte[] excerpt = new byte[EXCERPT_BYTES];
        int n = 0;
        while (ensure(1) && peek(0) != '<') {
            byte b = take();
            if (n < EXCERPT_BYTES) {
                excerpt[n++] = b;
            }
        }
        String text = new String(excerpt, 0, n, StandardCharsets.UTF_8).strip();
        return new Piece.Stray(text, offset, startLine);
    }

    /** Scans one event from its {@code <}; the current position is at an event start tag. */
    private Piece scanEvent(String root) throws IOException {
        seenEvent = true;
        eventLength = 0;
        eventBytes = 0;
        eventOffset = consumed();
        eventLine = line;
        int depth = 0;
        boolean first = true;
        while (ensure(1)) {
            if (peek(0) != '<') {
                copyText();
                continue;
            }
            if (!first && root.equals(eventRoot())) {
                return unterminated(false);
            }
            first = false;
            depth += copyMarkup();
            if (depth <= 0) {
                return complete();
            }
        }
        return unterminated(true);
    }

    private Piece complete() {
        if (eventBytes > maxRecordBytes) {
            return new Piece.Oversized(eventBytes, eventOffset, eventLine);
        }
        return new Piece.Element(event, eventLength, eventOffset, eventLine);
    }

    private Piece unterminated(boolean atEnd) {
        if (eventBytes > maxRecordBytes) {
            return new Piece.Oversized(eventBytes, eventOffset, eventLine);
        }
        return new Piece.Unterminated(event, eventLength, eventOffset, eventLine, atEnd);
    }

    /**
     * Copies one piece of markup and returns the change of element depth it makes: +1 for a start
     * tag, -1 for an end tag, 0 for an empty-element tag, comment, CDATA or PI.
     */
    private int copyMarkup() throws IOException {
        if (startsWith("<!--")) {
            copyPast("-->");
            return 0;
        }
        if (startsWith("<![CDATA[")) {
            copyPast("]]>");
            return 0;
        }
        if (startsWith("<?")) {
            copyPast("?>");
            return 0;
        }
        if (startsWith("</")) {
            copyUntil((byte) '>', true);
            return -1;
        }
        if (startsWith("<!")) {
            copyPast(">");
            return 0;
        }
        return copyTag() ? 0 : 1;
    }

    /** Copies a start tag through its {@code >}; returns whether it was an empty-element tag. */
    private boolean copyTag() throws IOException {
        byte quote = 0;
        byte previous = 0;
        while (ensure(1)) {
            int end = pos;
            int lines = 0;
            boolean closed = false;
            while (end < limit) {
                byte b = buf[end++];
                lines += b == '\n' ? 1 : 0;
                if (quote != 0) {
                    quote = b == quote ? 0 : quote;
                } else if (b == '"' || b == '\'') {
                    quote = b;
                } else if (b == '>') {
                    closed = true;
                    break;
                }
                previous = b;
            }
            appendRange(pos, end - pos);
            line += lines;
            pos = end;
            if (closed) {
                return previous == '/';
            }
        }
        return false;
    }

    /**
     * Copies text up to the next {@code <}; a whitespace-only run holding a line break that ends at
     * a {@code <} is indentation and is dropped.
     */
    private void copyText() throws IOException {
        int run = 0;
        boolean lineBreak = false;
        while (ensure(run + 1) && isWhitespace(peek(run)) && run < READ_BYTES) {
            lineBreak |= peek(run) == '\n' || peek(run) == '\r';
            run++;
        }
        if (run > 0 && lineBreak && ensure(run + 1) && peek(run) == '<') {
            for (int i = 0; i < run; i++) {
                take();
            }
            return;
        }
        copyUntil((byte) '<', false);
    }

    /**
     * Copies bytes in bulk up to {@code delimiter}, and the delimiter too when {@code inclusive};
     * stops at the end of the input.
     */
    private void copyUntil(byte delimiter, boolean inclusive) throws IOException {
        while (ensure(1)) {
            int end = pos;
            int lines = 0;
            while (end < limit && buf[end] != delimiter) {
                lines += buf[end] == '\n' ? 1 : 0;
                end++;
            }
            boolean found = end < limit;
            int stop = found && inclusive ? end + 1 : end;
            appendRange(pos, stop - pos);
            line += lines;
            pos = stop;
            if (found) {
                return;
            }
        }
    }

    private void skipTag() throws IOException {
        byte quote = 0;
        while (ensure(1)) {
            byte b = take();
            if (quote != 0) {
                quote = b == quote ? 0 : quote;
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return;
            }
        }
    }

    /** Skips a DOCTYPE, including an internal subset in brackets, without interpreting it. */
    private void skipDoctype() throws IOException {
        int brackets = 0;
        byte quote = 0;
        while (ensure(1)) {
            byte b = take();
            if (quote != 0) {
                quote = b == quote ? 0 : quote;
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '[') {
                brackets++;
            } else if (b == ']') {
                brackets--;
            } else if (b == '>' && brackets <= 0) {
                return;
            }
        }
    }

    /**
     * Whether the input is at a start tag named {@code name} or {@code prefix:name}, followed by a
     * delimiter.
     */
    /**
     * The event element the input is at: {@value #EVENT} for {@code <Event} or {@code
     * <prefix:Event}, {@value #EXPORTED} for an unprefixed {@code <event} (as {@code atwatch
     * convert} writes events), each followed by a delimiter; else null.
     */
    private String eventRoot() throws IOException {
        if (isElementStart(EVENT)) {
            return EVENT;
        }
        return isUnprefixedStart(EXPORTED) ? EXPORTED : null;
    }

    /** Whether the input is at a start tag named {@code name}, without a prefix. */
    private boolean isUnprefixedStart(String name) throws IOException {
        if (!ensure(name.length() + 2)) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if ((peek(1 + k) & 0xff) != name.charAt(k)) {
                return false;
            }
        }
        return !isNameByte(peek(1 + name.length()));
    }

    private boolean isElementStart(String name) throws IOException {
        int i = 1;
        int nameStart = 1;
        while (i < 256 && ensure(i + 1) && isNameByte(peek(i))) {
            if (peek(i) == ':') {
                nameStart = i + 1;
            }
            i++;
        }
        if (i - nameStart != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if ((peek(nameStart + k) & 0xff) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void copyPast(String terminator) throws IOException {
        int matched = 0;
        while (ensure(1) && matched < terminator.length()) {
            byte b = take();
            append(b);
            matched = advance(terminator, matched, b);
        }
    }

    private void skipPast(String terminator) throws IOException {
        int matched = 0;
        while (ensure(1) && matched < terminator.length()) {
            matched = advance(terminator, matched, take());
        }
    }

    /** One step of matching a terminator whose first character does not repeat in it. */
    private static int advance(String terminator, int matched, byte b) {
        int c = b & 0xff;
        if (c == terminator.charAt(matched)) {
            return matched + 1;
        }
        if (matched > 0 && c == terminator.charAt(matched - 1) && terminator.charAt(0) == c) {
            return matched;
        }
        return c == terminator.charAt(0) ? 1 : 0;
    }

    private boolean skipWhitespace() throws IOException {
        while (ensure(1)) {
            if (!isWhitespace(peek(0))) {
                return true;
            }
            take();
        }
        return false;
    }

    private boolean startsWith(String text) throws IOException {
        if (!ensure(text.length())) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if ((buf[pos + i] & 0xff) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void appendRange(int from, int length) {
        long before = eventBytes;
        eventBytes += length;
        if (eventBytes > maxRecordBytes) {
            length = (int) Math.max(0, maxRecordBytes - before);
        }
        if (eventLength + length > event.length) {
            int size =
                    (int)
                            Math.min(
                                    Math.max((long) event.length * 2, eventLength + length),
                                    maxRecordBytes);
            event = Arrays.copyOf(event, size);
        }
        System.arraycopy(buf, from, event, eventLength, length);
        eventLength += length;
    }

    private void append(byte b) {
        eventBytes++;
        if (eventBytes > maxRecordBytes) {
            return;
        }
        if (eventLength == event.length) {
            event = Arrays.copyOf(event, (int) Math.min((long) event.length * 2, maxRecordBytes));
        }
        event[eventLength++] = b;
    }

    private byte peek(int ahead) {
        return buf[pos + ahead];
    }

    private byte take() {
        byte b = buf[pos++];
        if (b == '\n') {
            line++;
        }
        return b;
    }

    /**
     * Makes at least {@code n} bytes available after the position; false at the end. Small, so that
     * the compiler inlines it; the reading is in {@link #fill}.
     */
    private boolean ensure(int n) throws IOException {
        return limit - pos >= n || fill(n);
    }

    /** Reads until at least {@code n} bytes are available after the position; false at the end. */
    private boolean fill(int n) throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        if (buf.length < n + READ_BYTES) {
            buf = Arrays.copyOf(buf, n + READ_BYTES);
        }
        while (limit - pos < n && !eof) {
            int read = in.read(buf, limit, buf.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        }
        return limit - pos >= n;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static boolean isNameByte(byte b) {
        return NAME_BYTES[b & 0xff];
    }
}
