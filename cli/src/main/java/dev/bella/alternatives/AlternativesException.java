package dev.bella.alternatives;

/** A request the comparison cannot serve (an unknown area or environment): a usage error, one line. */
public final class AlternativesException extends RuntimeException {

    public AlternativesException(String message) {
        super(message);
    }
}
