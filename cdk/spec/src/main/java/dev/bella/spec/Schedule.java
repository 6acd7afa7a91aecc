package dev.bella.spec;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When an environment runs. Windows are local times in {@code zone}; a window whose {@code to} is not
 * after {@code from} crosses midnight and ends the next day. Holidays are whole local days off: the
 * {@code holidays} list and the dates of the iCalendar file {@code holidaysFile}, already merged.
 *
 * @param cache what {@code bella cost schedule-dev} does with an ElastiCache cluster outside the windows
 */
public record Schedule(String name, ZoneId zone, List<Window> running, Set<LocalDate> holidays,
                       Optional<String> holidaysFile, CachePolicy cache) {

    public Schedule {
        running = List.copyOf(running);
        holidays = Set.copyOf(holidays);
    }

    /** A schedule with no holidays file that keeps its cache running (the defaults). */
    public Schedule(String name, ZoneId zone, List<Window> running, Set<LocalDate> holidays) {
        this(name, zone, running, holidays, Optional.empty(), CachePolicy.KEEP);
    }

    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Window {
            days = Set.copyOf(days);
        }

        public boolean crossesMidnight() {
            return !to.isAfter(from);
        }
    }

    /**
     * ElastiCache cannot be stopped. {@code KEEP} leaves it running (its cost is reported);
     * {@code SNAPSHOT_DELETE} takes a final snapshot, deletes it, and recreates it from the snapshot
     * on start: allowed for unprotected environments only, since the endpoint changes.
     */
    public enum CachePolicy {
        KEEP("keep"), SNAPSHOT_DELETE("snapshot-delete");

        public final String key;

        CachePolicy(String key) {
            this.key = key;
        }
    }
}
