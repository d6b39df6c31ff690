package dev.atwatch.read.evtx;

/**
 * What reading one EVTX input did.
 *
 * @param bytes bytes of the input read
 * @param chunks chunk-sized blocks examined (including empty and rejected ones)
 * @param events records decoded and delivered as events
 * @param filtered records the {@link RecordFilter} rejected, not decoded
 * @param rejected rejections delivered (records, runs of bytes, chunks, the header)
 */
public record EvtxSummary(long bytes, long chunks, long events, long filtered, long rejected) {}
