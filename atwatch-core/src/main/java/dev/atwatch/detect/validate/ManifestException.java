package dev.atwatch.detect.validate;

/** A replay manifest that cannot be read or does not have the expected shape. */
public final class ManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }
}
