package dev.bella.booking.extract;

/** The appointment fields an utterance can carry. */
public enum Field { NAME, PHONE, DATE, TIME, SERVICE }
