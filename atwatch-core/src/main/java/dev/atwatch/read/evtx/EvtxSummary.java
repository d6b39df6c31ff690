package dev.atwatch.read.evtx;

/**
 * What reading one EVTX input did.
 *
 * @param bytes bytes of the input read
 * @param chunks chunk-sized blocks examined (including empty and rejected ones)
 * @param records records found; each became an event, a rejection or was filtered
 * @param events records decoded and delivered as events
 * @param filtered records the {@link RecordFilter} rejected, not decoded
 * @param rejected rejections delivered (records, runs of bytes, chunks)
 * @param warnings warnings delivered (damage read past without losing a record)
 */
public record EvtxSummary(
        long bytes,
        long chunks,
        long records,
        long events,
        long filtered,
        long rejected,
        long warnings) {}
