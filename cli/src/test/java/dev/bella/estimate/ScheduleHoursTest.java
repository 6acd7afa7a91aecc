package dev.bella.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Schedule;
import dev.bella.spec.Schedule.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleHoursTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private static Schedule officeHours(Set<LocalDate> holidays) {
        return new Schedule("office-hours", TORONTO, java.util.List.of(new Window(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0))), holidays);
    }

    @Test
    void december_2026_has_22_working_days_of_12_hours_after_christmas() {
        // Dec 2026: 23 weekdays (Tue 1st .. Thu 31st), minus Fri 25th.
        EstimatePeriod dec = EstimatePeriod.month(YearMonth.of(2026, 12));
        assertThat(dec.runningHours(officeHours(Set.of(LocalDate.of(2026, 12, 25)))))
                .isEqualByComparingTo("264");
        assertThat(dec.runningHours(officeHours(Set.of()))).isEqualByComparingTo("276");
    }

    @Test
    void office_hours_average_about_260_hours_a_month() {
        EstimatePeriod avg = EstimatePeriod.averageMonth(java.time.Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"),
                java.time.ZoneOffset.UTC));
        // 60 h a week x 52.14 weeks / 12 = 260.7 h, less two holidays (24 h a year, 2 h a month)
        assertThat(avg.runningHours(officeHours(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)))))
                .isBetween(new java.math.BigDecimal("257"), new java.math.BigDecimal("261"));
    }

    /** A Sunday window in Toronto on a daylight-saving change day, over the 24 hours from {@code from}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # 2027-03-14 is the second Sunday of March: 02:00 EST jumps to 03:00 EDT.
            across the spring-forward gap is an hour shorter         | 01:00 | 05:00 | 2027-03-14T00:00:00Z | 3
            # runs 03:00 EDT (07:00Z) to 04:00 EDT (08:00Z): one hour, not the half hour a shifted start would give
            starting inside the gap starts at the first valid instant | 02:30 | 04:00 | 2027-03-14T00:00:00Z | 1
            # 2026-11-01: 02:00 EDT falls back to 01:00 EST
            across the fall-back overlap is longer and counted once  | 00:00 | 04:00 | 2026-11-01T00:00:00Z | 5
            """)
    void a_sunday_window_on_a_daylight_saving_change(String name, LocalTime start, LocalTime end, Instant from,
                                                     long hours) {
        Schedule sunday = new Schedule("s", TORONTO, java.util.List.of(new Window(EnumSet.of(DayOfWeek.SUNDAY),
                start, end)), Set.of());
        assertThat(ScheduleHours.running(sunday, from, from.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void a_window_crossing_midnight_runs_into_the_next_day() {
        Schedule late = new Schedule("l", ZoneId.of("UTC"), java.util.List.of(new Window(EnumSet.of(DayOfWeek.FRIDAY),
                LocalTime.of(22, 0), LocalTime.of(2, 0))), Set.of());
        Instant friday = Instant.parse("2026-11-27T00:00:00Z");
        assertThat(ScheduleHours.running(late, friday, friday.plus(Duration.ofDays(2)))).isEqualTo(Duration.ofHours(4));
        // the period ends at midnight: only the Friday part counts
        assertThat(ScheduleHours.running(late, friday, friday.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(2));
    }
}
