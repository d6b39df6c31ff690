package dev.atwatch.read.winxml;

/** Why one event could not be read: a stable reason code and a detail for a person. */
final class RecordException extends Exception {
    private final String reason;

    RecordException(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    /** The stable reason code of the rejection, such as {@code xml.malformed}. */
    String reason() {
        return reason;
    }
}
