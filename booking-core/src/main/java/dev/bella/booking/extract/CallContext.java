package dev.bella.booking.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** What an utterance is understood against: when the caller spoke, the business's zone, who is calling. */
public record CallContext(Instant reference, ZoneId zone, String callerNumber) {

    public LocalDate today() {
        return reference.atZone(zone).toLocalDate();
    }
}
