package dev.atwatch.cli;

/** A mistake the user can fix on the command line; exits with {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
