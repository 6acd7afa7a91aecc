package dev.bella.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.spec.Autoscaling.Block;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic histories whose answers are known by construction. */
class CapacityServiceTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final CapacityService SERVICE = new CapacityService(Clock.fixed(Instant.parse("2027-02-01T12:00:00Z"),
            ZoneOffset.UTC));

    @TempDir
    Path dir;

    private CapacityReport run(String spec, LocalDate first, int days, BiFunction<LocalDate, Integer, Integer> load,
                               int lookbackDays, int percentile) {
        Path specFile = SyntheticHistory.write(dir, "bella.yaml", spec);
        Spec s = new SpecLoader().load(specFile);
        Environment prod = s.environment("prod").orElseThrow();
        Path calls = SyntheticHistory.write(dir, "calls.csv",
                SyntheticHistory.csv(SyntheticHistory.calls(TORONTO, first, days, load)));
        return SERVICE.fromFile(s, prod, calls, new CapacityService.Options(Optional.empty(), lookbackDays, percentile,
                Optional.of(4)));
    }

    private CapacityReport run(LocalDate first, int days, BiFunction<LocalDate, Integer, Integer> load) {
        return run(SyntheticHistory.SPEC, first, days, load, 56, 95);
    }

    private static CapacityReport.Hour hour(CapacityReport r, DayOfWeek day, int hour) {
        return r.hours().get(HourOfWeekLoad.index(day, hour));
    }

    private static final Block WEEKDAY_MORNINGS = new Block(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), LocalTime.of(11, 0), 3);

    @Test
    void aFlatLoadNeedsTheSameMinimumAllWeek() {
        CapacityReport r = run(LocalDate.of(2026, 9, 7), 56, (d, h) -> 2);
        assertThat(r.hours()).hasSize(168).allSatisfy(h -> {
            assertThat(h.predicted()).isEqualTo(2);
            assertThat(h.samples()).isEqualTo(8);
            assertThat(h.tasks()).isEqualTo(1);
        });
        assertThat(r.base()).isEqualTo(1);
        assertThat(r.blocks()).isEmpty();
        assertThat(r.days()).isEqualTo(56);
        assertThat(r.calls()).isEqualTo(56 * 24 * 2);
    }

    @Test
    void busyWeekdayMorningsBecomeOneBlockOfThreeTasks() {
        CapacityReport r = run(LocalDate.of(2026, 9, 7), 56, SyntheticHistory::morningsBusy);
        assertThat(hour(r, DayOfWeek.TUESDAY, 9).predicted()).isEqualTo(9);
        assertThat(hour(r, DayOfWeek.SATURDAY, 10).predicted()).isEqualTo(2);
        assertThat(r.base()).isEqualTo(1);
        assertThat(r.blocks()).containsExactly(WEEKDAY_MORNINGS);
    }

    @Test
    void oneHugeWeekIsLeftOutByTheP95OfHalfAYearButNotByItsMaximum() {
        LocalDate first = LocalDate.of(2026, 5, 4);
        BiFunction<LocalDate, Integer, Integer> load = (d, h) ->
                d.equals(LocalDate.of(2026, 7, 15)) && h == 14 ? 40 : 2; // a Wednesday: a radio mention
        CapacityReport p95 = run(SyntheticHistory.SPEC, first, 26 * 7, load, 26 * 7, 95);
        assertThat(hour(p95, DayOfWeek.WEDNESDAY, 14).samples()).isEqualTo(26);
        assertThat(hour(p95, DayOfWeek.WEDNESDAY, 14).peak()).isEqualTo(40);
        assertThat(hour(p95, DayOfWeek.WEDNESDAY, 14).predicted()).isEqualTo(2); // rank 25 of 26
        assertThat(p95.blocks()).isEmpty();
        CapacityReport max = run(SyntheticHistory.SPEC, first, 26 * 7, load, 26 * 7, 100);
        assertThat(max.blocks()).containsExactly(new Block(EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(14, 0),
                LocalTime.of(15, 0), 10));
    }

    @Test
    void localHoursStayLocalAcrossTheFallBackAndTheRepeatedHourCountsOnce() {
        // 2026-11-01 Toronto falls back: 01:00-02:00 happens twice; six extra calls in the second one (EST)
        LocalDate first = LocalDate.of(2026, 10, 5);
        Path spec = SyntheticHistory.write(dir, "bella.yaml", SyntheticHistory.SPEC);
        Spec s = new SpecLoader().load(spec);
        List<SyntheticHistory.Line> lines = new ArrayList<>(SyntheticHistory.calls(TORONTO, first, 56,
                SyntheticHistory::morningsBusy));
        for (int i = 0; i < 6; i++) {
            lines.add(new SyntheticHistory.Line(Instant.parse("2026-11-01T06:30:00Z"), 600)); // 01:30 EST
        }
        Path calls = SyntheticHistory.write(dir, "calls.csv", SyntheticHistory.csv(lines));
        CapacityReport r = SERVICE.fromFile(s, s.environment("prod").orElseThrow(), calls,
                new CapacityService.Options(Optional.empty(), 56, 95, Optional.of(4)));
        // summer (EDT) and winter (EST) weeks alike put the busy hours at 09 and 10 local
        assertThat(r.blocks()).containsExactly(WEEKDAY_MORNINGS, new Block(EnumSet.of(DayOfWeek.SUNDAY),
                LocalTime.of(1, 0), LocalTime.of(2, 0), 2));
        assertThat(hour(r, DayOfWeek.SUNDAY, 1).predicted()).isEqualTo(6);
        assertThat(hour(r, DayOfWeek.SUNDAY, 1).samples()).isEqualTo(8);
    }

    @Test
    void theHourASpringForwardSkipsHasOneSampleLess() {
        CapacityReport r = run(LocalDate.of(2026, 2, 16), 56, (d, h) -> 2); // 2026-03-08 springs forward at 02:00
        assertThat(hour(r, DayOfWeek.SUNDAY, 2).samples()).isEqualTo(7);
        assertThat(hour(r, DayOfWeek.SUNDAY, 3).samples()).isEqualTo(8);
        assertThat(r.blocks()).isEmpty();
    }

    @Test
    void aHolidayOfTheSpecsSchedulesIsLeftOut() {
        BiFunction<LocalDate, Integer, Integer> load = (d, h) -> d.equals(LocalDate.of(2026, 12, 25)) && h == 10 ? 20 : 2;
        CapacityReport r = run(LocalDate.of(2026, 11, 30), 56, load);
        assertThat(r.holidaysExcluded()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThat(hour(r, DayOfWeek.FRIDAY, 10).samples()).isEqualTo(7);
        assertThat(hour(r, DayOfWeek.FRIDAY, 10).predicted()).isEqualTo(2);
        assertThat(r.blocks()).isEmpty();
        // the same history without the holiday in the spec: the busy holiday hour drives a block
        CapacityReport counted = run(SyntheticHistory.SPEC.replace(", holidays: [2026-12-25]", ""),
                LocalDate.of(2026, 11, 30), 56, load, 56, 95);
        assertThat(counted.blocks()).containsExactly(new Block(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(10, 0),
                LocalTime.of(11, 0), 5));
    }

    @Test
    void twoWeeksAreEnoughAndThirteenDaysAreRefused() {
        CapacityReport r = run(LocalDate.of(2026, 9, 7), 14, SyntheticHistory::morningsBusy);
        assertThat(r.hours()).allSatisfy(h -> assertThat(h.samples()).isEqualTo(2));
        assertThat(r.blocks()).containsExactly(WEEKDAY_MORNINGS);
        assertThatThrownBy(() -> run(LocalDate.of(2026, 9, 7), 13, SyntheticHistory::morningsBusy))
                .isInstanceOf(CapacityException.class)
                .hasMessage("too little history: 13 day(s) of calls (2026-09-07 to 2026-09-19, America/Toronto); a "
                        + "prediction needs at least 14 days, so that every hour of the week is seen at least twice");
    }

    @Test
    void anEmptyHistoryIsRefused() {
        assertThatThrownBy(() -> run(LocalDate.of(2026, 9, 7), 14, (d, h) -> 0))
                .isInstanceOf(CapacityException.class)
                .hasMessageEndingWith("calls.csv holds no calls; a prediction needs at least 14 days of them");
    }

    @Test
    void theLookbackKeepsOnlyTheNewestWeeks() {
        // twelve weeks, the first four busy all day: a four-week lookback never sees them
        CapacityReport r = run(SyntheticHistory.SPEC, LocalDate.of(2026, 9, 7), 84,
                (d, h) -> d.isBefore(LocalDate.of(2026, 10, 5)) ? 30 : 2, 28, 95);
        assertThat(r.days()).isEqualTo(28);
        assertThat(r.from()).isEqualTo(LocalDate.of(2026, 11, 2).atStartOfDay(TORONTO).toInstant());
        assertThat(r.hours()).allSatisfy(h -> assertThat(h.predicted()).isEqualTo(2));
    }

    @Test
    void roundsUpNeverBelowOneTask() {
        assertThat(CapacityPlanner.tasks(0, 4)).isEqualTo(1);
        assertThat(CapacityPlanner.tasks(4, 4)).isEqualTo(1);
        assertThat(CapacityPlanner.tasks(5, 4)).isEqualTo(2);
        assertThat(CapacityPlanner.tasks(9, 4)).isEqualTo(3);
        assertThat(CapacityPlanner.percentile(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100), 95))
                .isEqualTo(19);
    }
}
