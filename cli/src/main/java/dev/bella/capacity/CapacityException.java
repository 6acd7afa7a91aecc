package dev.bella.capacity;

/** Why a capacity profile could not be made; {@link Reason} decides the exit code the CLI gives. */
public final class CapacityException extends RuntimeException {

    /** INPUT: a bad file, option or too little history (exit 2). DATABASE: the ledger could not be read (exit 3). */
    public enum Reason { INPUT, DATABASE }

    private final Reason reason;

    CapacityException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    CapacityException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
