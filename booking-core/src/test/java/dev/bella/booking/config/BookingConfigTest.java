package dev.bella.booking.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingConfigTest {

    static final Path HOME = Path.of("/home/someone");

    @Test
    void noVariablesMeansTheEmbeddedDefault() {
        BookingConfig c = BookingConfig.fromEnv(Map.of(), HOME);
        assertThat(c.embedded()).isTrue();
        assertThat(c.dataDir()).isEqualTo(Path.of("/home/someone/.bella/booking-db"));
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(c.generatedToken()).as("no built-in token: one is generated per data dir").isTrue();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.loopbackOnly()).isTrue();
        assertThat(c.withHost("0.0.0.0").loopbackOnly()).isFalse();
        assertThat(c.zone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(c.slotLength()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.poolSize()).isEqualTo(4);
        assertThat(c.hours().on(DayOfWeek.MONDAY)).contains(
                new BusinessHours.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(c.hours().on(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(c.prices().table().region()).isEqualTo("ca-central-1");
        assertThat(c.prices().minutePrice()).isEqualByComparingTo(c.prices().table().price("twilio.voice.inbound.minute"));
        assertThat(c.flow()).isEqualTo(CallFlow.LEAN);
    }

    @Test
    void theLedgerHasNoPriceOfItsOwnSoTheRetiredPerMinuteVariableIsAnError() {
        assertThatThrownBy(() -> BookingConfig.fromEnv(Map.of("BELLA_TWILIO_USD_PER_MINUTE", "0.014"), HOME))
                .isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "BELLA_TWILIO_USD_PER_MINUTE is no longer read: the ledger prices calls from the price table"
                                + " (BELLA_PRICE_TABLE, or the bundled table of BELLA_PRICE_REGION); unset it"));
    }

    @Test
    void aPriceTableThatIsMissingOrLacksTheVoiceRulesIsAConfigurationProblem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        assertThatThrownBy(() -> BookingConfig.fromEnv(Map.of("BELLA_PRICE_REGION", "mars-1"), HOME))
                .isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("no bundled price table for 'mars-1'"));
        Path partial = dir.resolve("prices.yaml");
        java.nio.file.Files.writeString(partial, """
                region: test
                currency: USD
                sources:
                  t: {url: "https://example.com", retrieved: 2026-12-01}
                prices:
                  twilio.voice.inbound.minute: {price: 0.0085, unit: minute, source: t}
                """);
        assertThatThrownBy(() -> BookingConfig.fromEnv(Map.of("BELLA_PRICE_TABLE", partial.toString()), HOME))
                .isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("BELLA_PRICE_TABLE " + partial).contains("twilio.voice.billing-increment"));
    }

    @Test
    void eachCallFlowLeverIsASettingOverAPreset() {
        BookingConfig classic = BookingConfig.fromEnv(Map.of("BELLA_FLOW", "classic",
                "BELLA_FLOW_KEYPAD_CONFIRM", "true", "BELLA_FLOW_MAX_REPROMPTS", "1"), HOME);
        assertThat(classic.flow()).isEqualTo(new CallFlow(false, true, false, false, 1, CallFlow.DEFAULT_SPEAKING_RATE));
        assertThatThrownBy(() -> BookingConfig.fromEnv(Map.of("BELLA_FLOW", "cheap", "BELLA_FLOW_SPEECH_HINTS", "maybe",
                "BELLA_FLOW_MAX_REPROMPTS", "5", "BELLA_SPEAKING_RATE", "fast"), HOME))
                .isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "BELLA_FLOW must be lean or classic, got 'cheap'",
                        "BELLA_FLOW_SPEECH_HINTS must be true or false, got 'maybe'",
                        "BELLA_FLOW_MAX_REPROMPTS must be 0, 1 or 2, got '5'",
                        "BELLA_SPEAKING_RATE must be a number of characters a second like 14, got 'fast'"));
    }

    @Test
    void theOpenAiBaseUrlIsCheckedWithTheOtherSettingsAndMustIncludeV1() {
        assertThat(BookingConfig.fromEnv(Map.of(), HOME).openAiBaseUrl()).isEmpty();
        assertThat(BookingConfig.fromEnv(Map.of("OPENAI_BASE_URL", "https://api.openai.com/v1"), HOME).openAiBaseUrl())
                .contains(URI.create("https://api.openai.com/v1"));
        // a gateway keeps the version inside its path
        assertThat(BookingConfig.fromEnv(Map.of("OPENAI_BASE_URL", " http://127.0.0.1:8089/openai/v1/ "), HOME)
                .openAiBaseUrl()).contains(URI.create("http://127.0.0.1:8089/openai/v1/"));
        for (String bad : new String[] {"https://api.openai.com", "https://api.openai.com/v2", "api.openai.com/v1",
                "ftp://api.openai.com/v1", "https://api.openai.com/v1?x=1", "https://exa mple.com/v1"}) {
            assertThatThrownBy(() -> BookingConfig.fromEnv(Map.of("OPENAI_BASE_URL", bad, "BELLA_PORT", "x"), HOME))
                    .as(bad).isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).containsExactly(
                            "BELLA_PORT must be a whole number, got 'x'",
                            "OPENAI_BASE_URL must be an http(s) URL that includes /v1, like https://api.openai.com/v1, got '"
                                    + bad + "'"));
        }
    }

    @Test
    void theLocalPublicUrlFollowsTheBoundPort() {
        BookingConfig c = BookingConfig.fromEnv(Map.of("BELLA_PORT", "0"), HOME).withPort(41234);
        assertThat(c.publicUrl()).isEqualTo(URI.create("http://localhost:41234"));
        BookingConfig behindProxy = BookingConfig.fromEnv(Map.of("BELLA_PUBLIC_URL", "https://bella.example.com"), HOME)
                .withPort(9000);
        assertThat(behindProxy.publicUrl()).isEqualTo(URI.create("https://bella.example.com"));
    }

    @Test
    void productionNeedsTheTokenThePublicUrlAndTheUser() {
        assertThatThrownBy(() -> BookingConfig.fromEnv(Map.of("BELLA_DB_URL", "jdbc:postgresql://db:5432/bella"), HOME))
                .isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "BELLA_DB_USER is required: the database user",
                        "TWILIO_AUTH_TOKEN is required: the Twilio auth token that signs webhooks",
                        "BELLA_PUBLIC_URL is required with BELLA_DB_URL: the https URL Twilio posts to (signatures are"
                                + " computed over it), e.g. https://bella.example.com"));
    }

    @Test
    void aFullProductionConfiguration() {
        BookingConfig c = BookingConfig.fromEnv(Map.ofEntries(
                Map.entry("BELLA_DB_URL", "jdbc:postgresql://db:5432/bella"), Map.entry("BELLA_DB_USER", "bella"),
                Map.entry("BELLA_DB_PASSWORD", "pw"), Map.entry("TWILIO_AUTH_TOKEN", "tok"),
                Map.entry("BELLA_PUBLIC_URL", "https://bella.example.com"),
                Map.entry("BELLA_REDIS_URL", "rediss://cache:6379"), Map.entry("OPENAI_API_KEY", "sk-x"),
                Map.entry("BELLA_TIMEZONE", "America/Vancouver"),
                Map.entry("BELLA_BUSINESS_HOURS", "mon-thu 08:00-16:00, fri 08:00-12:30"),
                Map.entry("BELLA_SLOT_MINUTES", "45"), Map.entry("BELLA_ADMIN_TOKEN", "0123456789abcdef0123"),
                Map.entry("BELLA_PRICE_REGION", "us-east-1")), HOME);
        assertThat(c.embedded()).isFalse();
        assertThat(c.host()).as("in its container the service listens on all interfaces").isEqualTo("0.0.0.0");
        assertThat(c.database()).get().extracting(BookingConfig.Database::user).isEqualTo("bella");
        assertThat(c.hours().on(DayOfWeek.FRIDAY)).contains(
                new BusinessHours.Window(LocalTime.of(8, 0), LocalTime.of(12, 30)));
        assertThat(c.hours().spoken()).isEqualTo("Monday to Thursday, 8 AM to 4 PM, and Friday, 8 AM to 12:30 PM");
        assertThat(c.slotLength()).isEqualTo(Duration.ofMinutes(45));
        assertThat(c.prices().table().region()).isEqualTo("us-east-1");
        assertThat(c.toString()).doesNotContain("pw", "tok", "sk-x", "0123456789abcdef");
    }

    @Test
    void onEcsTheAdministratorMigratesAndRedisAuthComesFromItsOwnVariable() {
        BookingConfig c = BookingConfig.fromEnv(Map.ofEntries(
                Map.entry("BELLA_DB_URL", "jdbc:postgresql://db:5432/bella?sslmode=verify-full"),
                Map.entry("BELLA_DB_USER", "bella_app"), Map.entry("BELLA_DB_PASSWORD", "app-pw"),
                Map.entry("BELLA_DB_ADMIN_USER", "bella"), Map.entry("BELLA_DB_ADMIN_PASSWORD", "master-pw"),
                Map.entry("TWILIO_AUTH_TOKEN", "tok"), Map.entry("BELLA_PUBLIC_URL", "https://bella.example.com"),
                Map.entry("BELLA_REDIS_URL", "rediss://cache:6379"), Map.entry("BELLA_REDIS_PASSWORD", "redistoken")),
                HOME);
        BookingConfig.Database db = c.database().orElseThrow();
        assertThat(db.user()).isEqualTo("bella_app");
        assertThat(db.admin()).contains(new BookingConfig.Admin("bella", "master-pw"));
        assertThat(c.redisUrl()).contains(java.net.URI.create("rediss://:redistoken@cache:6379"));
        assertThat(c.toString()).doesNotContain("app-pw", "master-pw", "redistoken");
        // without an administrator the pool's user migrates, as before
        assertThat(BookingConfig.fromEnv(Map.of("BELLA_DB_URL", "jdbc:postgresql://db:5432/bella",
                "BELLA_DB_USER", "bella", "TWILIO_AUTH_TOKEN", "tok", "BELLA_PUBLIC_URL", "https://b.example.com"),
                HOME).database().orElseThrow().admin()).isEmpty();
    }

    @Test
    void everyBadValueIsReportedAtOnceWithWhatWasExpected() {
        assertThatThrownBy(() -> BookingConfig.fromEnv(Map.ofEntries(
                Map.entry("BELLA_DB_URL", "mysql://db"), Map.entry("BELLA_DB_USER", "u"), Map.entry("TWILIO_AUTH_TOKEN", "t"),
                Map.entry("BELLA_PUBLIC_URL", "bella.example.com"), Map.entry("BELLA_TIMEZONE", "Mars/Olympus"),
                Map.entry("BELLA_BUSINESS_HOURS", "weekdays 9-5"), Map.entry("BELLA_SLOT_MINUTES", "0"),
                Map.entry("BELLA_PORT", "http"), Map.entry("BELLA_REDIS_URL", "http://cache"),
                Map.entry("BELLA_DB_POOL_SIZE", "0"), Map.entry("BELLA_ADMIN_TOKEN", "short")), HOME))
                .isInstanceOfSatisfying(BookingConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "BELLA_DB_URL must be a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/bella, got 'mysql://db'",
                        "BELLA_PORT must be a whole number, got 'http'",
                        "BELLA_PUBLIC_URL must be a URL with scheme http or https, got 'bella.example.com'",
                        "BELLA_REDIS_URL must be a URL with scheme redis or rediss, got 'http://cache'",
                        "BELLA_TIMEZONE must be a zone id like America/Toronto, got 'Mars/Olympus'",
                        "BELLA_BUSINESS_HOURS: expected a day like mon, tue, ..., sun, got 'weekdays'",
                        "BELLA_SLOT_MINUTES must be between 5 and 480, got 0",
                        "BELLA_DB_POOL_SIZE must be between 1 and 100, got 0",
                        "BELLA_ADMIN_TOKEN must be at least 16 characters (a random secret), got 5"));
    }

    @Test
    void businessHoursErrors() {
        assertThatThrownBy(() -> BusinessHours.parse("mon-fri 17:00-09:00"))
                .hasMessage("closing time must be after opening time in '17:00-09:00'");
        assertThatThrownBy(() -> BusinessHours.parse("fri-mon 09:00-17:00"))
                .hasMessage("expected a day or a range like mon-fri, got 'fri-mon'");
        assertThatThrownBy(() -> BusinessHours.parse("mon-fri 9am-5pm"))
                .hasMessage("expected times as HH:MM, got '9am-5pm'");
        assertThatThrownBy(() -> BusinessHours.parse("mon-fri"))
                .hasMessage("expected 'mon-fri 09:00-17:00[, sat 10:00-14:00]', got 'mon-fri'");
    }
}
