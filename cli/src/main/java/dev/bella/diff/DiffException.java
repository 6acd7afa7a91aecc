package dev.bella.diff;

/** A base that cannot be read or a threshold that cannot be parsed: a usage error with a one-line message. */
public final class DiffException extends RuntimeException {

    public DiffException(String message) {
        super(message);
    }
}
