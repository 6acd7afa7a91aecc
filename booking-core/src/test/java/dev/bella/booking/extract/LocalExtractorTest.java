package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalExtractorTest {

    // Wednesday 2030-01-02, 10:00 in Toronto
    static final CallContext CTX = new CallContext(Instant.parse("2030-01-02T15:00:00Z"),
            ZoneId.of("America/Toronto"), "+15551234567");
    final LocalExtractor extractor = new LocalExtractor();

    Extraction x(String s) {
        return extractor.extract(s, CTX);
    }

    @Test
    void aWholeRequestInOneSentence() {
        Extraction e = x("Hi, my name is Jane Doe and I'd like tomorrow at 3 p.m. please");
        assertThat(e.name()).get().isEqualTo(new Extracted<>("Jane Doe", 0.85));
        assertThat(e.date()).get().extracting(Extracted::value).isEqualTo(LocalDate.of(2030, 1, 3));
        assertThat(e.time()).get().isEqualTo(new Extracted<>(LocalTime.of(15, 0), 0.95));
        assertThat(e.phone()).isEmpty();
        assertThat(e.isEmpty()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "today|2030-01-02", "tomorrow morning|2030-01-03", "the day after tomorrow|2030-01-04",
            "on Friday|2030-01-04", "next Monday|2030-01-07", "Wednesday|2030-01-09",
            "January 15th|2030-01-15", "the 3rd of March|2030-03-03", "January 1st|2031-01-01",
            "2030-02-10|2030-02-10"})
    void datesAreResolvedAgainstTheCallsDayInItsZone(String said, LocalDate expected) {
        assertThat(x(said).date()).get().extracting(Extracted::value).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "at 3pm|15:00|0.95", "3:30 p.m.|15:30|0.95", "10 a.m.|10:00|0.95", "12 pm|12:00|0.95",
            "noon|12:00|0.9", "at three p.m.|15:00|0.95", "at 15:00|15:00|0.9", "at 3|15:00|0.6",
            "at 10|10:00|0.6", "4 o'clock|16:00|0.6"})
    void timesWithHowSureTheGuessIs(String said, LocalTime expected, double confidence) {
        assertThat(x(said).time()).get().isEqualTo(new Extracted<>(expected, confidence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "call me on 555-987-6543|+15559876543", "my number is 1 555 987 6543|+15559876543",
            "five five five nine eight seven six five four three|+15559876543", "+44 20 7123 4567|+442071234567"})
    void phoneNumbers(String said, String expected) {
        assertThat(x(said).phone()).get().extracting(Extracted::value).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "this is Maria|Maria|0.7", "I'm Sam Lee calling about an appointment|Sam Lee|0.7",
            "my name's robert|Robert|0.7", "Priya Patel.|Priya Patel|0.6"})
    void names(String said, String expected, double confidence) {
        assertThat(x(said).name()).get().isEqualTo(new Extracted<>(expected, confidence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Yes.|true", "yeah that's right|true", "Correct|true", "No|false",
            "nope, wrong day|false", "that's not right|false"})
    void answers(String said, boolean yes) {
        assertThat(x(said).answer()).get().extracting(Extracted::value).isEqualTo(yes);
    }

    @Test
    void nothingUsableIsEmptyNotAGuess() {
        assertThat(x("").isEmpty()).isTrue();
        assertThat(x("   ").isEmpty()).isTrue();
        assertThat(x("um I'm looking to book something").isEmpty()).isTrue();
        assertThat(x("Tomorrow.").name()).isEmpty();
        assertThat(x("at 45").time()).isEmpty();
        assertThat(x("February 30th").date()).isEmpty();
    }
}
