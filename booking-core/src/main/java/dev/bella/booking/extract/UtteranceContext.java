package dev.bella.booking.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What an utterance is interpreted against: when it was said (relative dates resolve from this instant, never from
 * the machine's clock), the business's timezone, the caller's number ("this number") and the opening hours.
 */
public record UtteranceContext(Instant reference, ZoneId zone, String callerNumber, BusinessHours hours) {

    public UtteranceContext {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(zone, "zone");
        hours = hours == null ? BusinessHours.DEFAULT : hours;
    }

    public static UtteranceContext of(Instant reference, ZoneId zone, String callerNumber) {
        return new UtteranceContext(reference, zone, callerNumber, BusinessHours.DEFAULT);
    }

    /** The caller's local date at the reference instant: "today". */
    public LocalDate today() {
        return reference.atZone(zone).toLocalDate();
    }
}
