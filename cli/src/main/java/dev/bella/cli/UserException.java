package dev.bella.cli;

import dev.bella.errors.BellaException;
import java.util.List;

/** A failure the user can fix; its message is the one line shown on stderr. */
final class UserException extends BellaException {

    final ExitCode exitCode;
    private final List<String> lines;

    UserException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
        this.lines = List.of(message);
    }

    /** Several problems found at once, one stderr line each. */
    UserException(ExitCode exitCode, List<String> lines) {
        super(String.join("; ", lines));
        this.exitCode = exitCode;
        this.lines = List.copyOf(lines);
    }

    @Override
    public List<String> lines() {
        return lines;
    }

    @Override
    public Outcome outcome() {
        return switch (exitCode) {
            case POLICY_VIOLATION -> Outcome.POLICY_VIOLATION;
            case AWS -> Outcome.AWS;
            case RETRY_LATER -> Outcome.RETRY_LATER;
            // OK is no failure, INTERNAL no user's fault: a command that throws either has a bug, and a usage error
            // is the safe reading
            case USAGE, OK, INTERNAL -> Outcome.USAGE;
        };
    }
}
