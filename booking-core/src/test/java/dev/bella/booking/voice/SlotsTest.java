package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.config.BusinessHours;
import dev.bella.booking.store.BookingStore.Range;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotsTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    final Slots slots = new Slots(BusinessHours.parse("mon-fri 09:00-17:00"), TORONTO, Duration.ofMinutes(30));

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(TORONTO).toInstant();
    }

    @Test
    void aSlotMustStartInTheFutureAndEndByClosing() {
        Instant now = at("2030-01-02T10:00");
        assertThat(slots.problem(at("2030-01-02T09:30"), now)).contains(Slots.Problem.PAST);
        assertThat(slots.problem(at("2030-01-02T16:30"), now)).isEmpty();
        assertThat(slots.problem(at("2030-01-02T16:45"), now)).contains(Slots.Problem.CLOSED);
        assertThat(slots.problem(at("2030-01-02T08:30"), at("2030-01-01T10:00"))).contains(Slots.Problem.CLOSED);
        assertThat(slots.problem(at("2030-01-05T10:00"), now)).contains(Slots.Problem.CLOSED);
    }

    @Test
    void nearestFreeSkipsBookedSlotsAndThePastAndListsThemInOrder() {
        Instant now = at("2030-01-02T10:00");
        List<Range> booked = List.of(new Range(at("2030-01-02T10:30"), at("2030-01-02T11:30")));
        assertThat(slots.nearestFree(at("2030-01-02T11:00"), now, booked, 2))
                .containsExactly(at("2030-01-02T11:30"), at("2030-01-02T12:00"));
        // a tie (30 minutes either side) goes to the earlier slot
        List<Range> only11 = List.of(new Range(at("2030-01-02T11:00"), at("2030-01-02T11:30")));
        assertThat(slots.nearestFree(at("2030-01-02T11:00"), now, only11, 1)).containsExactly(at("2030-01-02T10:30"));
    }

    @Test
    void slotsFollowLocalTimeAcrossTheDaylightSavingChange() {
        // clocks go forward on Sunday 2030-03-10; Monday 9 AM is 13:00Z, not 14:00Z
        Instant now = at("2030-03-08T16:00");
        assertThat(slots.nearestFree(at("2030-03-09T12:00"), now, List.of(), 1))
                .containsExactly(Instant.parse("2030-03-08T21:30:00Z"));
        assertThat(slots.nearestFree(at("2030-03-11T08:00"), now, List.of(), 1))
                .containsExactly(Instant.parse("2030-03-11T13:00:00Z"));
        assertThat(slots.problem(Instant.parse("2030-03-11T13:00:00Z"), now)).isEqualTo(Optional.empty());
    }
}
