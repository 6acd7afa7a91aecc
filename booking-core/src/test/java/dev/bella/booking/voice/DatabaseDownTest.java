package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.http.ScriptedCall.Exchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database goes away mid-call: Twilio still gets valid TwiML, the caller an apology and a retry. */
class DatabaseDownTest {

    static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.app.close();
        h.pg.db.close();
    }

    @Test
    void aFailingDatabaseGivesASpokenApologyNotA500() throws Exception {
        Harness.Call call = h.call("CA5000");
        call.dial();
        h.pg.server.close();

        long started = System.nanoTime();
        Exchange turn = call.say("my name is Jane Doe, tomorrow at 3pm");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(turn.status()).isEqualTo(200);
        assertThat(turn.body()).contains("Sorry, I'm having trouble with our booking system right now."
                + " Could you please say that again?", "action=\"/voice/turn?n=1\"");
        // inside Twilio's 15 s and the seed's 3 s, thanks to the pool and statement timeouts
        assertThat(millis).isLessThan(3000);

        Exchange newCall = h.call("CA5001").dial();
        assertThat(newCall.status()).isEqualTo(200);
        assertThat(newCall.body()).contains("Sorry, I'm having trouble", "<Gather");

        assertThat(h.call("CA5000").hangUp(30).status()).isEqualTo(200);

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"database\":\"down\"");
    }
}
