package dev.bella.cli;

/** A failure the user can fix; its message is the one line shown on stderr. */
final class UserException extends RuntimeException {

    final ExitCode exitCode;

    UserException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }
}
