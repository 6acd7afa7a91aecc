package dev.bella.capacity;

import java.time.Duration;
import java.time.Instant;

/** One call of the history: when it started and how long it lasted. */
record Call(Instant start, Duration duration) {

    Instant end() {
        // a call of zero seconds still occupied a line for an instant; one second keeps it countable
        return start.plus(duration.isZero() ? Duration.ofSeconds(1) : duration);
    }
}
