package dev.bella.errors;

import java.util.List;

/**
 * The base of every failure Bella reports to a user: each type says which exit outcome it is, so the CLI's one
 * mapper needs no list of types, and a new failure cannot fall through to "internal error" (or, worse, to the
 * exit code of a policy violation). Lives beside the spec because every module but booking-core builds on it.
 */
public abstract class BellaException extends RuntimeException {

    /** The exit codes scripts and CI branch on (README, "Exit codes"). */
    public enum Outcome {
        /** a policy is violated, or a run only partly succeeded */
        POLICY_VIOLATION(1),
        /** the command line or a configuration file cannot be used */
        USAGE(2),
        /** AWS (or another provider) refused or failed: credentials, permissions, network */
        AWS(3),
        /** nothing is wrong, but the work could not be done now: run again later (sysexits EX_TEMPFAIL) */
        RETRY_LATER(75);

        private final int code;

        Outcome(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    protected BellaException(String message) {
        super(message);
    }

    protected BellaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What the process exits with when this failure ends it. */
    public abstract Outcome outcome();

    /** The lines shown on stderr (each prefixed "bella: "); one, the message, unless a type has several. */
    public List<String> lines() {
        String m = getMessage() == null ? getClass().getSimpleName() : getMessage();
        return List.of(m);
    }
}
