package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.extract.BusinessHours;
import dev.bella.booking.extract.Extractor;
import dev.bella.booking.extract.TieredExtractor;
import dev.bella.booking.http.ScriptedCall.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every turn's extraction runs under a deadline and outside the database transaction: an extraction that never
 * returns costs the caller a re-prompt, and holds neither a request thread nor a pooled connection.
 */
class TurnDeadlineTest {

    @Test
    void hungExtractionsReprompTheCallerAndHoldNoConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Extractor local = TieredExtractor.localOnly(BusinessHours.DEFAULT);
        // stands for a grammar loop that never ends: it ignores interrupts, as a CPU-bound loop would
        Extractor hangsOnLongNumbers = (utterance, ctx) -> {
            if (utterance.matches(".*\\d{16}.*")) {
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException ignored) {
                        // keep hanging
                    }
                }
            }
            return local.extract(utterance, ctx);
        };
        // more hung calls than the pool (4) has connections
        int calls = 6;
        try (Harness h = Harness.start(hangsOnLongNumbers, Duration.ofMillis(500))) {
            ExecutorService callers = Executors.newFixedThreadPool(calls);
            try {
                List<Future<Exchange>> answers = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    Harness.Call call = h.call("CA-hang-" + i);
                    call.dial();
                    answers.add(callers.submit(() -> call.say("my card is 4111111111111111")));
                }
                for (Future<Exchange> a : answers) {
                    // generous: a hang fails, a slow machine does not
                    Exchange e = a.get(30, TimeUnit.SECONDS);
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.body()).contains("Sorry, I missed that");
                }
                // the extractions are still hung, yet the service answers and its connections are free
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(h.app.publicUrl() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                Harness.Call normal = h.call("CA-normal");
                normal.dial();
                assertThat(normal.say("my name is Jane Doe, tomorrow at 3pm").body()).contains("Press 1 to book");
                assertThat(h.app.registry().scrape()).contains("kind=\"extraction-deadline\"");
                assertThat(h.pg.count("SELECT count(*) FROM calls WHERE turns = 1 AND call_sid LIKE 'CA-hang-%'"))
                        .as("each hung turn was answered and recorded as a re-prompt").isEqualTo(calls);
            } finally {
                release.countDown();
                callers.shutdownNow();
            }
        }
    }
}
