package dev.bella.booking.extract;

/** A value with how sure the extractor is of it, from 0 (a guess) to 1 (said plainly). */
public record Extracted<T>(T value, double confidence) {

    public Extracted {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
    }
}
