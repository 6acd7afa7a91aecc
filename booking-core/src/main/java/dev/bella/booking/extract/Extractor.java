package dev.bella.booking.extract;

/**
 * Turns one caller utterance into booking fields. Implementations must be safe to call from many
 * threads and must resolve relative dates ("tomorrow") against {@link CallContext}, never the wall clock,
 * so a cached answer cannot leak one day's "tomorrow" into another.
 */
public interface Extractor {

    Extraction extract(String utterance, CallContext context);
}
