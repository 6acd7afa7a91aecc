package dev.bella.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Schedule;
import dev.bella.spec.ScheduleWindows;
import dev.bella.spec.Schedule.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleCalendarTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static ScheduleCalendar officeHours(ZoneId zone, LocalDate... holidays) {
        return new ScheduleCalendar(new Schedule("office-hours", zone,
                List.of(new Window(WEEKDAYS, LocalTime.of(7, 0), LocalTime.of(19, 0))), Set.of(holidays)));
    }

    private static ScheduleCalendar window(ZoneId zone, Set<DayOfWeek> days, String from, String to) {
        return new ScheduleCalendar(new Schedule("w", zone,
                List.of(new Window(days, LocalTime.parse(from), LocalTime.parse(to))), Set.of()));
    }

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void a_weekday_morning_is_running_until_seven_pm_local() {
        Decision d = officeHours(TORONTO).at(t("2026-11-27T14:00:00Z"));   // Fri 09:00 EST
        assertThat(d.desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(d.reason()).isEqualTo(Reason.WINDOW);
        assertThat(d.nextTransition()).contains(t("2026-11-28T00:00:00Z"));  // Fri 19:00 EST
    }

    @Test
    void friday_night_is_off_hours_and_saturday_is_weekend_both_until_monday_seven() {
        ScheduleCalendar c = officeHours(TORONTO);
        Decision night = c.at(t("2026-11-28T01:00:00Z"));   // Fri 20:00 EST
        assertThat(night.desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(night.reason()).isEqualTo(Reason.OFF_HOURS);
        assertThat(night.nextTransition()).contains(t("2026-11-30T12:00:00Z"));   // Mon 07:00 EST
        Decision saturday = c.at(t("2026-11-28T17:00:00Z"));
        assertThat(saturday.reason()).isEqualTo(Reason.WEEKEND);
        assertThat(saturday.nextTransition()).contains(t("2026-11-30T12:00:00Z"));
    }

    @Test
    void the_boundaries_are_half_open() {
        ScheduleCalendar c = officeHours(TORONTO);
        assertThat(c.at(t("2026-11-30T12:00:00Z")).desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(c.at(t("2026-11-30T11:59:59Z")).desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(c.at(t("2026-12-01T00:00:00Z")).desired()).isEqualTo(DesiredState.STOPPED);
    }

    @Test
    void christmas_is_a_holiday_and_the_next_start_skips_it() {
        ScheduleCalendar c = officeHours(TORONTO, LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
        Decision d = c.at(t("2026-12-25T15:00:00Z"));   // Fri 10:00 EST, a holiday
        assertThat(d.desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(d.reason()).isEqualTo(Reason.HOLIDAY);
        assertThat(d.nextTransition()).contains(t("2026-12-28T12:00:00Z"));   // Mon 28th 07:00 EST
        // Thursday 31st evening: New Year's Day is off too, so the next start is Monday 4 January
        assertThat(c.at(t("2027-01-01T01:00:00Z")).nextTransition()).contains(t("2027-01-04T12:00:00Z"));
    }

    @Test
    void toronto_spring_forward_shortens_the_night_and_the_window_keeps_local_times() {
        // 2027-03-14: 02:00 EST -> 03:00 EDT. Friday 19:00 EST stop, Monday 07:00 EDT start (11:00Z, not 12:00Z)
        ScheduleCalendar c = officeHours(TORONTO);
        assertThat(c.at(t("2027-03-13T12:00:00Z")).nextTransition()).contains(t("2027-03-15T11:00:00Z"));
        Decision monday = c.at(t("2027-03-15T11:00:00Z"));
        assertThat(monday.desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(monday.nextTransition()).contains(t("2027-03-15T23:00:00Z"));   // 19:00 EDT
    }

    @Test
    void a_window_starting_in_the_spring_forward_gap_starts_at_the_first_valid_instant() {
        // Sunday 2027-03-14 02:30 does not exist in Toronto; the window starts at 03:00 EDT = 07:00Z
        ScheduleCalendar c = window(TORONTO, EnumSet.of(DayOfWeek.SUNDAY), "02:30", "05:00");
        assertThat(c.at(t("2027-03-14T06:59:59Z")).desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(c.at(t("2027-03-14T06:00:00Z")).nextTransition()).contains(t("2027-03-14T07:00:00Z"));
        Decision d = c.at(t("2027-03-14T07:00:00Z"));
        assertThat(d.desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(d.nextTransition()).contains(t("2027-03-14T09:00:00Z"));   // 05:00 EDT
        assertThat(c.runningTime(t("2027-03-14T00:00:00Z"), t("2027-03-15T00:00:00Z"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void a_fall_back_overlap_never_toggles_twice() {
        // Toronto 2026-11-01: 02:00 EDT -> 01:00 EST, 01:00-02:00 happens twice. Window 00:30-01:30 runs once.
        ScheduleCalendar c = window(TORONTO, EnumSet.of(DayOfWeek.SUNDAY), "00:30", "01:30");
        List<ScheduleWindows.Interval> day = c.running(t("2026-11-01T00:00:00Z"), t("2026-11-02T00:00:00Z"));
        assertThat(day).containsExactly(new ScheduleWindows.Interval(t("2026-11-01T04:30:00Z"), t("2026-11-01T05:30:00Z")));
        // 01:15 EST, the second pass through the repeated hour: stays stopped
        assertThat(c.at(t("2026-11-01T06:15:00Z")).desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(c.at(t("2026-11-01T05:15:00Z")).desired()).isEqualTo(DesiredState.RUNNING);
    }

    @Test
    void berlin_spring_forward_and_fall_back_shift_the_utc_start_by_an_hour() {
        ScheduleCalendar c = officeHours(BERLIN);
        // Europe/Berlin: 2027-03-28 CET -> CEST. Friday 26th 07:00 CET = 06:00Z, Monday 29th 07:00 CEST = 05:00Z
        assertThat(c.at(t("2027-03-26T05:59:00Z")).nextTransition()).contains(t("2027-03-26T06:00:00Z"));
        assertThat(c.at(t("2027-03-27T12:00:00Z")).nextTransition()).contains(t("2027-03-29T05:00:00Z"));
        // 2026-10-25 CEST -> CET. Friday 23rd 19:00 CEST = 17:00Z; Monday 26th 07:00 CET = 06:00Z
        assertThat(c.at(t("2026-10-23T10:00:00Z")).nextTransition()).contains(t("2026-10-23T17:00:00Z"));
        assertThat(c.at(t("2026-10-24T10:00:00Z")).nextTransition()).contains(t("2026-10-26T06:00:00Z"));
        // the week with the change runs 60 hours of wall-clock windows, on instants too (the change is on Sunday)
        assertThat(c.runningTime(t("2026-10-19T00:00:00Z"), t("2026-10-26T23:00:00Z")))
                .isEqualTo(Duration.ofHours(60 + 12));
    }

    @Test
    void a_night_window_crosses_midnight_and_a_sunday_night_window_runs_into_monday() {
        ScheduleCalendar c = window(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), "22:00", "02:00");
        // Monday 2026-11-30 01:00 CET = 00:00Z: still inside Sunday's window
        Decision d = c.at(t("2026-11-30T00:00:00Z"));
        assertThat(d.desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(d.reason()).isEqualTo(Reason.WINDOW);
        assertThat(d.nextTransition()).contains(t("2026-11-30T01:00:00Z"));
        Decision after = c.at(t("2026-11-30T02:00:00Z"));
        assertThat(after.reason()).isEqualTo(Reason.WEEKEND);   // Monday has no window of its own
        assertThat(after.nextTransition()).contains(t("2026-12-06T21:00:00Z"));
    }

    @Test
    void windows_that_touch_merge_into_one_transition() {
        ScheduleCalendar c = new ScheduleCalendar(new Schedule("w", TORONTO, List.of(
                new Window(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new Window(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(12, 0), LocalTime.of(18, 0))), Set.of()));
        assertThat(c.at(t("2026-11-30T14:00:00Z")).nextTransition()).contains(t("2026-11-30T23:00:00Z"));
    }

    @Test
    void an_always_running_schedule_has_no_next_transition() {
        ScheduleCalendar c = window(TORONTO, EnumSet.allOf(DayOfWeek.class), "00:00", "00:00");
        Decision d = c.at(t("2026-11-27T12:00:00Z"));
        assertThat(d.desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(d.nextTransition()).isEmpty();
    }

    @Test
    void an_override_holds_its_state_until_it_ends_then_the_schedule_resumes() {
        ScheduleCalendar c = officeHours(TORONTO);
        StateOverride late = StateOverride.parse("running-until:2026-11-28T03:00Z");
        Instant fridayNight = t("2026-11-28T01:00:00Z");
        Decision d = c.at(fridayNight, Optional.of(late), Reason.OVERRIDE);
        assertThat(d.desired()).isEqualTo(DesiredState.RUNNING);
        assertThat(d.reason()).isEqualTo(Reason.OVERRIDE);
        assertThat(d.nextTransition()).contains(t("2026-11-28T03:00:00Z"));
        // expired: the schedule again
        Decision later = c.at(t("2026-11-28T03:00:00Z"), Optional.of(late), Reason.OVERRIDE);
        assertThat(later.reason()).isEqualTo(Reason.OFF_HOURS);
    }

    @Test
    void a_stopped_override_ending_off_hours_has_the_next_scheduled_start_as_transition() {
        ScheduleCalendar c = officeHours(TORONTO);
        StateOverride hold = StateOverride.parse("stopped-until:2026-11-27T22:00Z");   // Fri 17:00 EST
        Decision d = c.at(t("2026-11-27T15:00:00Z"), Optional.of(hold), Reason.UNTIL);
        assertThat(d.desired()).isEqualTo(DesiredState.STOPPED);
        assertThat(d.reason()).isEqualTo(Reason.UNTIL);
        assertThat(d.nextTransition()).contains(t("2026-11-27T22:00:00Z"));   // still in the window then: starts
        StateOverride weekend = StateOverride.parse("stopped-until:2026-11-28T12:00Z");   // Saturday
        assertThat(c.at(t("2026-11-27T15:00:00Z"), Optional.of(weekend), Reason.UNTIL).nextTransition())
                .contains(t("2026-11-30T12:00:00Z"));
    }

    @Test
    void override_values_parse_strictly() {
        assertThat(StateOverride.parse("stopped-until:2026-11-28T17:00-05:00").until()).isEqualTo(t("2026-11-28T22:00:00Z"));
        assertThat(StateOverride.parse("running-until:2026-11-28T22:00Z").tagValue())
                .isEqualTo("running-until:2026-11-28T22:00:00Z");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateOverride.parse("running-till:2026-11-28T22:00Z"))
                .hasMessageContaining("expected running-until:TIME or stopped-until:TIME");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateOverride.parse("running-until:tomorrow"))
                .hasMessageContaining("not a time with a zone offset");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StateOverride.parse("running-until:2026-11-28T22:00"))
                .hasMessageContaining("not a time with a zone offset");
    }
}
