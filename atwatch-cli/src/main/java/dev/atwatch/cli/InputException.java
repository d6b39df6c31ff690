package dev.atwatch.cli;

/** An input that cannot be found or read; exits with {@link ExitCodes#INPUT}. */
final class InputException extends RuntimeException {

    InputException(String message) {
        super(message);
    }
}
