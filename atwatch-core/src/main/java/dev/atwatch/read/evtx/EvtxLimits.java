package dev.atwatch.read.evtx;

import dev.atwatch.read.ReadLimits;
import java.util.List;

/**
 * Limits specific to EVTX, beside the general {@link ReadLimits} (the reader also applies {@code
 * nesting} to element depth, {@code value-chars} to each value, {@code values-per-field} to array
 * values, {@code fields-per-event} to the fields of a record and {@code record-bytes} to the
 * characters of a record's rendered XML).
 *
 * @param maxTemplateDepth deepest nesting of template instances inside template instances, through
 *     binary XML values ({@value #TEMPLATE_DEPTH})
 * @param maxSubstitutions most substitution values one template instance may carry ({@value
 *     #SUBSTITUTIONS})
 */
public record EvtxLimits(int maxTemplateDepth, int maxSubstitutions) {

    public static final String TEMPLATE_DEPTH = "evtx-template-depth";
    public static final String SUBSTITUTIONS = "evtx-substitutions";

    public static final List<String> NAMES = List.of(TEMPLATE_DEPTH, SUBSTITUTIONS);

    public static final EvtxLimits DEFAULTS = new EvtxLimits(16, 4096);

    public EvtxLimits {
        if (maxTemplateDepth <= 0 || maxSubstitutions <= 0) {
            throw new IllegalArgumentException("EVTX limits must be positive");
        }
    }

    /** Returns a copy with the limit called {@code name} set to {@code value}. */
    public EvtxLimits with(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit " + name + " must be positive: " + value);
        }
        return switch (name) {
            case TEMPLATE_DEPTH -> new EvtxLimits(value, maxSubstitutions);
            case SUBSTITUTIONS -> new EvtxLimits(maxTemplateDepth, value);
            default ->
                    throw new IllegalArgumentException(
                            "unknown limit '" + name + "'; known EVTX limits: " + NAMES);
        };
    }
}
