package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalExtractorTest {
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    /** Wednesday 25 November 2026, 14:00 in Toronto. */
    static final Instant WED = ZonedDateTime.of(2026, 11, 25, 14, 0, 0, 0, TORONTO).toInstant();
    static final String CALLER = "+15145550100";
    final LocalExtractor x = new LocalExtractor();

    ExtractionResult at(Instant ref, String text) {
        return x.extract(text, UtteranceContext.of(ref, TORONTO, CALLER));
    }

    ExtractionResult wed(String text) {
        return at(WED, text);
    }

    static Instant local(String isoLocal) {
        return java.time.LocalDateTime.parse(isoLocal).atZone(TORONTO).toInstant();
    }

    @Nested
    class Dates {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "today | 2026-11-25",
                "tonight | 2026-11-25",
                "tomorrow | 2026-11-26",
                "the day after tomorrow | 2026-11-27",
                "Thursday | 2026-11-26",
                "on friday | 2026-11-27",
                "this Friday | 2026-11-27",
                "this wednesday | 2026-11-25",
                "wednesday | 2026-12-02",
                "next Monday | 2026-11-30",
                "next Friday | 2026-12-04",
                "coming friday | 2026-11-27",
                "Friday next week | 2026-12-04",
                "friday this week | 2026-11-27",
                "monday after next | 2026-12-07",
                "the 7th | 2026-12-07",
                "on the seventh | 2026-12-07",
                "the 25th | 2026-11-25",
                "the 24th | 2026-12-24",
                "the 31st | 2026-12-31",
                "the twenty first | 2026-12-21",
                "March 3rd | 2027-03-03",
                "march third | 2027-03-03",
                "the 3rd of March | 2027-03-03",
                "december 1 | 2026-12-01",
                "December the 2nd 2027 | 2027-12-02",
                "january fifth twenty twenty seven | 2027-01-05",
                "12/3 | 2026-12-03",
                "1/15/2027 | 2027-01-15",
                "2027-01-15 | 2027-01-15",
                "in two weeks | 2026-12-09",
                "in 3 days | 2026-11-28",
                "in a week | 2026-12-02",
                "two weeks from today | 2026-12-09",
                "a week from friday | 2026-12-04",
                "a week from tomorrow | 2026-12-03",
                "thursday the 26th | 2026-11-26",
        })
        void grammar(String text, String date) {
            assertThat(wed(text).date()).as(text).isEqualTo(LocalDate.parse(date));
        }

        @Test
        void nextMondaySaidOnAMondayIsAWeekAway() {
            Instant mon = local("2026-11-30T10:00");
            assertThat(at(mon, "next Monday").date()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(at(mon, "Monday").date()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(at(mon, "this Monday").date()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(at(mon, "monday").confidenceOf(Field.DATE)).isLessThan(0.9);
        }

        @Test
        void nextFridayIsAmbiguousMidweekSoLessConfident() {
            assertThat(wed("next friday").confidenceOf(Field.DATE)).isLessThan(wed("friday").confidenceOf(Field.DATE));
        }

        @Test
        void weekdayThatDisagreesWithTheDayOfMonthIsDoubtful() {
            ExtractionResult r = wed("friday the 26th");
            assertThat(r.date()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(r.confidenceOf(Field.DATE)).isLessThan(LocalExtractor.CONFIDENT);
        }

        @Test
        void monthEndsSkipMonthsWithoutThatDay() {
            Instant jan31 = local("2027-01-31T09:00");
            assertThat(at(jan31, "the 30th").date()).isEqualTo(LocalDate.of(2027, 3, 30));
            assertThat(at(jan31, "the 31st").date()).isEqualTo(LocalDate.of(2027, 1, 31));
            assertThat(at(jan31, "tomorrow").date()).isEqualTo(LocalDate.of(2027, 2, 1));
            assertThat(at(local("2026-12-31T09:00"), "tomorrow").date()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(at(local("2026-04-30T09:00"), "the 31st").date()).isEqualTo(LocalDate.of(2026, 5, 31));
        }

        @Test
        void leapDay() {
            Instant feb28 = local("2028-02-28T09:00");
            assertThat(at(feb28, "tomorrow").date()).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(at(feb28, "the 29th").date()).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(wed("february 29th").date()).isEqualTo(LocalDate.of(2028, 2, 29));
            assertThat(at(local("2027-02-28T09:00"), "tomorrow").date()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(at(local("2027-02-01T09:00"), "the 29th").date()).isEqualTo(LocalDate.of(2027, 3, 29));
        }

        @Test
        void todayIsTheCallersLocalDateNotUtc() {
            Instant lateEvening = Instant.parse("2026-11-26T03:30:00Z");   // 22:30 on the 25th in Toronto
            assertThat(at(lateEvening, "tomorrow").date()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(x.extract("tomorrow", UtteranceContext.of(lateEvening, ZoneId.of("UTC"), null)).date())
                    .isEqualTo(LocalDate.of(2026, 11, 27));
        }

        @Test
        void dstDays() {
            // spring forward: 2026-03-08 02:00 EST -> 03:00 EDT in Toronto
            Instant beforeJump = Instant.parse("2026-03-08T06:30:00Z");   // 01:30 EST
            assertThat(at(beforeJump, "today at 3 pm").date()).isEqualTo(LocalDate.of(2026, 3, 8));
            ExtractionResult gap = at(local("2026-03-07T12:00"), "tomorrow at 2:30 am");
            assertThat(gap.date()).isEqualTo(LocalDate.of(2026, 3, 8));
            assertThat(gap.time()).isEqualTo(LocalTime.of(2, 30));
            assertThat(gap.startsAt(TORONTO).orElseThrow().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
            // fall back: 2026-11-01 02:00 EDT -> 01:00 EST; 23 h after 00:30 is still Sunday evening, not Monday
            Instant sundayLate = Instant.parse("2026-11-02T03:30:00Z");   // 22:30 EST on Sunday the 1st
            assertThat(at(sundayLate, "tomorrow at 10").date()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(at(sundayLate, "in a week").date()).isEqualTo(LocalDate.of(2026, 11, 8));
        }
    }

    @Nested
    class Times {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "at 3 pm | 15:00",
                "at 3pm | 15:00",
                "at 3 p.m. | 15:00",
                "3 | 15:00",
                "at 3 | 15:00",
                "at 10 | 10:00",
                "3:30 | 15:30",
                "at 3:30 pm | 15:30",
                "three thirty pm | 15:30",
                "at three fifteen | 15:15",
                "at ten oh five | 10:05",
                "half past three | 15:30",
                "quarter past 4 | 16:15",
                "quarter to 4 | 15:45",
                "quarter to one | 12:45",
                "ten past two | 14:10",
                "twenty to five | 16:40",
                "noon | 12:00",
                "at midday | 12:00",
                "midnight | 00:00",
                "12 am | 00:00",
                "12 pm | 12:00",
                "at 12 | 12:00",
                "4 o'clock | 16:00",
                "15:00 | 15:00",
                "at 10 in the morning | 10:00",
                "at 7 in the evening | 19:00",
                "tomorrow afternoon at 2 | 14:00",
                "tonight at 7 | 19:00",
                "at 11 am | 11:00",
                "tomorrow 3 | 15:00",
        })
        void grammar(String text, String time) {
            assertThat(wed(text).time()).as(text).isEqualTo(LocalTime.parse(time));
        }

        @Test
        void anHourWithoutAmPmIsResolvedByBusinessHoursWithLowerConfidence() {
            ExtractionResult bare = wed("at 3");
            ExtractionResult explicit = wed("at 3 pm");
            assertThat(bare.time()).isEqualTo(LocalTime.of(15, 0));
            assertThat(bare.confidenceOf(Field.TIME)).isLessThan(explicit.confidenceOf(Field.TIME))
                    .isGreaterThanOrEqualTo(LocalExtractor.CONFIDENT);
            // 8 is outside 9-17 as am and as pm: a guess, below the threshold
            ExtractionResult eight = wed("at 8");
            assertThat(eight.time()).isEqualTo(LocalTime.of(8, 0));
            assertThat(eight.confidenceOf(Field.TIME)).isLessThan(LocalExtractor.CONFIDENT);
            // other hours, other answer
            BusinessHours late = new BusinessHours(LocalTime.of(12, 0), LocalTime.of(22, 0), BusinessHours.DEFAULT.days());
            assertThat(x.extract("at 8", new UtteranceContext(WED, TORONTO, null, late)).time()).isEqualTo(LocalTime.of(20, 0));
        }

        @Test
        void dayPartWithoutATimeIsAWindowNotATime() {
            ExtractionResult r = wed("tomorrow morning");
            assertThat(r.time()).isNull();
            assertThat(r.dayPart()).isEqualTo(ExtractionResult.DayPart.MORNING);
            assertThat(wed("good morning").dayPart()).isNull();
        }

        @Test
        void countsAreNotTimes() {
            assertThat(wed("for 2 people tomorrow").time()).isNull();
            assertThat(wed("it takes about 3 hours").time()).isNull();
            assertThat(wed("I have 2 kids").time()).isNull();
        }
    }

    @Nested
    class Corrections {
        @Test
        void lastReadingWinsAfterACorrection() {
            assertThat(wed("Tuesday no Thursday").date()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(wed("friday at 3 actually make it 4").time()).isEqualTo(LocalTime.of(16, 0));
            assertThat(wed("no, Thursday").date()).isEqualTo(LocalDate.of(2026, 11, 26));
        }

        @Test
        void negatedReadingsAreDropped() {
            assertThat(wed("not Tuesday, Thursday").date()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(wed("Thursday not Tuesday").date()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(wed("I can't do Monday").date()).isNull();
            assertThat(wed("at 4 instead of at 3").time()).isEqualTo(LocalTime.of(16, 0));
        }

        @Test
        void alternativesAreLeftToTheCaller() {
            ExtractionResult r = wed("tuesday or wednesday");
            assertThat(r.confidenceOf(Field.DATE)).isLessThan(LocalExtractor.CONFIDENT);
            assertThat(r.unresolved()).contains(Field.DATE);
        }
    }

    @Nested
    class Phones {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "my number is 514 555 0199",
                "it's (514) 555-0199",
                "call me at +1 514-555-0199",
                "five one four five five five oh one nine nine",
                "my cell is five one four double five five zero one nine nine",
                "514 five five five 0199",
                "five fourteen five fifty five oh one ninety nine",
                "5145550199",
        })
        void spokenAndWritten(String text) {
            ExtractionResult r = wed(text);
            assertThat(r.phone()).as(text).isEqualTo("+15145550199");
            assertThat(r.confidenceOf(Field.PHONE)).isGreaterThanOrEqualTo(0.9);
        }

        @Test
        void thisNumberIsTheCallersNumber() {
            assertThat(wed("you can reach me at this number").phone()).isEqualTo(CALLER);
            assertThat(wed("use the number I'm calling from").phone()).isEqualTo(CALLER);
            assertThat(wed("same number").phone()).isEqualTo(CALLER);
            ExtractionResult noCaller = x.extract("this number", UtteranceContext.of(WED, TORONTO, null));
            assertThat(noCaller.phone()).isNull();
            // not unresolved: only the call knows its number, so it is never sent to the model (issue 14)
            assertThat(noCaller.unresolved()).doesNotContain(Field.PHONE);
        }

        @Test
        void shortOrInvalidDigitRunsAreNotPhones() {
            assertThat(wed("my number is 555 0199").phone()).isNull();
            assertThat(wed("my number is 555 0199").unresolved()).contains(Field.PHONE);
            assertThat(wed("at 3 30").phone()).isNull();
        }

        @Test
        void tenDigitsFollowTheCallersCountry() {
            ExtractionResult uk = x.extract("my number is 020 7946 0018 thanks",
                    UtteranceContext.of(WED, ZoneId.of("Europe/London"), "+447700900123"));
            assertThat(uk.phone()).isEqualTo("+442079460018");
        }
    }

    @Nested
    class Names {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "my name is ana silva | Ana Silva",
                "My name is Ana Silva and I'd like to book | Ana Silva",
                "hi this is Marc Tremblay | Marc Tremblay",
                "it's Priya calling | Priya",
                "book it under O'Brien please | O'Brien",
                "under the name Nguyen | Nguyen",
                "I'm Jordan | Jordan",
                "name's Kim | Kim",
                "Sam here | Sam",
                "this is Dr. Patel | Patel",
        })
        void patterns(String text, String name) {
            assertThat(wed(text).name()).as(text).isEqualTo(name);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "I'm calling to book an appointment",
                "I'm looking for a slot tomorrow",
                "I'm wondering if you have time",
                "this is for a haircut",
                "it's tomorrow",
                "I'm free on Thursday",
                "this is about my appointment",
        })
        void notNames(String text) {
            assertThat(wed(text).name()).as(text).isNull();
        }
    }

    @Test
    void everythingInOneTurn() {
        ExtractionResult r = wed("hi my name is Ana Silva I'd like a haircut next Tuesday at half past two "
                + "my number is five one four five five five oh one nine nine");
        assertThat(r.name()).isEqualTo("Ana Silva");
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(r.time()).isEqualTo(LocalTime.of(14, 30));
        assertThat(r.phone()).isEqualTo("+15145550199");
        assertThat(r.service()).isEqualTo("haircut");
        assertThat(r.tier()).isEqualTo(Tier.LOCAL);
        assertThat(r.unresolved()).isEmpty();
    }

    @Test
    void noInformationTurns() {
        for (String s : new String[] {"", "yes", "okay thank you", "hello?", "uh huh", "sorry I didn't catch that"}) {
            ExtractionResult r = wed(s);
            assertThat(r.confidence()).as(s).isEmpty();
            assertThat(r.unresolved()).as(s).isEmpty();
        }
    }

    @Test
    void vagueDatesAreFlaggedForTheLlm() {
        assertThat(wed("sometime next week").unresolved()).contains(Field.DATE);
        assertThat(wed("the weekend after christmas").unresolved()).contains(Field.DATE);
        assertThat(wed("around lunch").unresolved()).contains(Field.TIME);
    }
}
