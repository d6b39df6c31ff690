package dev.atwatch.output.hec;

/** Alerts that could not all be delivered; the message says how many were and why not. */
public final class HecException extends Exception {

    private final int delivered;

    public HecException(String message, int delivered) {
        super(message);
        this.delivered = delivered;
    }

    /** How many events the collector accepted before the failure. */
    public int delivered() {
        return delivered;
    }
}
