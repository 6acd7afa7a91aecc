package dev.bella.spec;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * When an environment runs. Windows are local times in {@code zone}; a window whose {@code to} is not
 * after {@code from} crosses midnight and ends the next day. Holidays are whole local days off.
 */
public record Schedule(String name, ZoneId zone, List<Window> running, Set<LocalDate> holidays) {

    public Schedule {
        running = List.copyOf(running);
        holidays = Set.copyOf(holidays);
    }

    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Window {
            days = Set.copyOf(days);
        }

        public boolean crossesMidnight() {
            return !to.isAfter(from);
        }
    }
}
