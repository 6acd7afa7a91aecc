package dev.bella.booking.store;

/** The data dir belongs to another live booking server: a usage problem (exit 2), not a crash. */
public final class DataDirBusyException extends RuntimeException {

    private final long pid;

    DataDirBusyException(String message, long pid) {
        super(message);
        this.pid = pid;
    }

    /** The other server's process id. */
    public long pid() {
        return pid;
    }
}
