package dev.atwatch.read.evtx;

import dev.atwatch.read.ReadLimits;
import java.util.List;

/**
 * Limits specific to EVTX, beside the general {@link ReadLimits} (the reader also applies {@code
 * nesting} to element depth, {@code value-chars} to each field value as assembled from its pieces,
 * {@code values-per-field} to array values, {@code fields-per-event} to the fields of a record and
 * {@code record-bytes} to the characters of a record's rendered XML and to the work of rendering
 * it). Each is set by name with {@link #with}, as {@code --limit NAME=N} does.
 *
 * @param maxTemplateDepth deepest nesting of template instances inside template instances, through
 *     templates that use other templates and through binary XML values ({@value #TEMPLATE_DEPTH})
 * @param maxSubstitutions most substitution values one template instance may carry ({@value
 *     #SUBSTITUTIONS})
 * @param maxChunkRender most rendering one chunk may cost, summed over its records: binary XML
 *     nodes visited, nested binary XML bytes decoded, and characters written to the events' XML and
 *     field values ({@value #CHUNK_RENDER}); bounds the memory of the events a chunk holds until
 *     they are delivered
 */
public record EvtxLimits(int maxTemplateDepth, int maxSubstitutions, int maxChunkRender) {

    public static final String TEMPLATE_DEPTH = "evtx-template-depth";
    public static final String SUBSTITUTIONS = "evtx-substitutions";
    public static final String CHUNK_RENDER = "evtx-chunk-render";

    public static final List<String> NAMES = List.of(TEMPLATE_DEPTH, SUBSTITUTIONS, CHUNK_RENDER);

    public static final EvtxLimits DEFAULTS = new EvtxLimits(16, 4096, 64 << 20);

    public EvtxLimits {
        if (maxTemplateDepth <= 0 || maxSubstitutions <= 0 || maxChunkRender <= 0) {
            throw new IllegalArgumentException("EVTX limits must be positive");
        }
    }

    /**
     * Returns a copy with the limit called {@code name} set to {@code value}.
     *
     * @throws IllegalArgumentException for an unknown name or a value that is not positive
     */
    public EvtxLimits with(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be positive: " + value);
        }
        return switch (name) {
            case TEMPLATE_DEPTH -> new EvtxLimits(value, maxSubstitutions, maxChunkRender);
            case SUBSTITUTIONS -> new EvtxLimits(maxTemplateDepth, value, maxChunkRender);
            case CHUNK_RENDER -> new EvtxLimits(maxTemplateDepth, maxSubstitutions, value);
            default ->
                    throw new IllegalArgumentException(
                            "unknown limit '"
                                    + name
                                    + "'; known EVTX limits: "
                                    + String.join(", ", NAMES));
        };
    }
}
