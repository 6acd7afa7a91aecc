package dev.bella.booking.extract;

/** One reading of a field found at tokens [start, end) of an utterance. */
record Mention(Field field, Object value, int start, int end, double confidence) {}
