package dev.bella.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * The desired state at an instant, why, and when it next changes (empty when the schedule never
 * changes within a year, e.g. a window covering every hour).
 */
public record Decision(Instant at, DesiredState desired, Reason reason, Optional<Instant> nextTransition) {
}
