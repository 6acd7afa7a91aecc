package dev.bella.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.config.BusinessHours;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractionSetupTest {

    private static final Path HOME = Path.of("/nonexistent-home");

    @Test
    void theEmbeddedDefaultNeverCallsOpenAiOrRedisWhateverTheEnvironmentSays() {
        BookingConfig embedded = BookingConfig.fromEnv(Map.of("OPENAI_API_KEY", "sk-test",
                "BELLA_REDIS_URL", "redis://localhost:6399"), HOME);
        try (ExtractionSetup setup = ExtractionSetup.from(embedded, Clock.systemUTC(), new SimpleMeterRegistry())) {
            assertThat(setup.llm()).isFalse();
            assertThat(setup.redis()).isFalse();
        }
    }

    @Test
    void aConfiguredServiceSwitchesOnTheTiersItHasSettingsFor() {
        Map<String, String> env = Map.of("BELLA_DB_URL", "jdbc:postgresql://db:5432/bella", "BELLA_DB_USER", "bella",
                "BELLA_PUBLIC_URL", "https://voice.example.com", "TWILIO_AUTH_TOKEN", "token",
                "BELLA_REDIS_URL", "redis://localhost:6399");
        try (ExtractionSetup setup = ExtractionSetup.from(BookingConfig.fromEnv(env, HOME), Clock.systemUTC(),
                new SimpleMeterRegistry())) {
            assertThat(setup.llm()).as("no OPENAI_API_KEY").isFalse();
            assertThat(setup.redis()).isTrue();
        }
    }

    @Test
    void theGrammarReadsBareHoursInsideTheWidestOpeningSpan() {
        var hours = ExtractionSetup.grammarHours(BusinessHours.parse("mon-fri 09:00-17:00, sat 10:00-19:00"));
        assertThat(hours.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(hours.closes()).isEqualTo(LocalTime.of(19, 0));
        assertThat(hours.days()).contains(DayOfWeek.SATURDAY).doesNotContain(DayOfWeek.SUNDAY);
    }
}
