package dev.bella.estimate;

import dev.bella.spec.ScheduleWindows;
import dev.bella.spec.Schedule;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a schedule keeps resources running between two instants: {@link ScheduleWindows}'s
 * answer, the same evaluator schedule-dev decides with.
 */
final class ScheduleHours {

    private ScheduleHours() {
    }

    static Duration running(Schedule schedule, Instant from, Instant to) {
        return new ScheduleWindows(schedule).runningTime(from, to);
    }
}
