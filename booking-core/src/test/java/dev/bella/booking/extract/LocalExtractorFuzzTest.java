package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every loop over caller input must advance: the local grammar answers any utterance, however hostile, well
 * inside a deadline. The deadline is generous (a hang fails, a slow machine does not).
 */
class LocalExtractorFuzzTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final UtteranceContext CTX = UtteranceContext.of(Instant.parse("2030-01-02T15:00:00Z"),
            ZoneId.of("America/Toronto"), "+15145550100");
    private final LocalExtractor extractor = new LocalExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"my number is 1234567890123456", "my card is 4111111111111111",
            "1234567890123456789012345678901234567890", "call me at 5145550100 5145550100 5145550100",
            "double 5 double 5 double 5 double 5 double 5 double 5 double 5 double 5 double 5 double 5",
            "one two three four five six seven eight nine zero one two three four five six seven"})
    void longDigitRunsAnswer(String utterance) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon());
        try {
            ExtractionResult r = pool.submit(() -> extractor.extract(utterance, CTX)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            if (utterance.matches(".*\\d{16}.*")) {
                assertThat(r.phone()).as("a 16+ digit run is no phone number").isNull();
                assertThat(r.unresolved()).as("but a number was said: ask again").contains(Field.PHONE);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenThousandGeneratedUtterancesEachAnswerInTime() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Utterances gen = new Utterances(seed);
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon());
        try {
            for (int i = 0; i < 10_000; i++) {
                String u = gen.next();
                Future<ExtractionResult> f = pool.submit(() -> extractor.extract(u, CTX));
                try {
                    assertThat(f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isNotNull();
                } catch (TimeoutException e) {
                    fail("utterance #" + i + " did not finish within " + DEADLINE + " (rerun with -Dfuzz.seed="
                            + seed + "): \"" + u + "\"");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("utterance #" + i + " threw (rerun with -Dfuzz.seed=" + seed + "): \""
                            + u + "\"", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A hung extraction must not keep the test JVM alive after the failure is reported. */
    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-extract");
            t.setDaemon(true);
            return t;
        };
    }
}
