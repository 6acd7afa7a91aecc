package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import dev.bella.booking.http.ScriptedCall;
import dev.bella.booking.http.ScriptedCall.Exchange;
import dev.bella.booking.http.TwilioSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Signatures, Twilio retries and racing callers: the guarantees that must hold whatever the traffic. */
class WebhookSafetyTest extends HarnessTest {

    static final String TABLE_ROWS = "SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM webhook_responses)"
            + " + (SELECT count(*) FROM call_costs) + (SELECT count(*) FROM appointments) + (SELECT count(*) FROM users)";

    @Test
    void ourSignerAgreesWithTheTwilioSdksValidator() {
        Map<String, String> fields = ScriptedCall.callFields("CA1", "+15551234567", "+15550001111");
        String url = "https://bella.example.com/voice/turn?n=3";
        String signature = new TwilioSigner("secret").sign(url, fields);
        assertThat(new RequestValidator("secret").validate(url, fields, signature)).isTrue();
        assertThat(new RequestValidator("other").validate(url, fields, signature)).isFalse();
    }

    @Test
    void unsignedAndForgedWebhooksGet403AndChangeNothing() throws Exception {
        // a call in progress, so that a forged turn would have something to change
        Harness.Call call = h.call("CA1000");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        long before = h.pg.count(TABLE_ROWS);
        String state = stateOf("CA1000");

        Map<String, String> yes = ScriptedCall.callFields("CA1000", Harness.CALLER, Harness.BUSINESS);
        yes.put("SpeechResult", "yes");
        HttpClient http = HttpClient.newHttpClient();
        String url = h.app.publicUrl() + "/voice/turn?n=2";

        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ScriptedCall.form(yes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);

        Exchange wrongToken = new ScriptedCall(http, h.app.publicUrl(), "not-the-token").post("/voice/turn?n=2", yes);
        assertThat(wrongToken.status()).isEqualTo(403);

        // signed for one answer, sent with another: the signature covers the fields
        String signedForNo = new TwilioSigner(dev.bella.booking.config.BookingConfig.LOCAL_DEV_TWILIO_TOKEN)
                .sign(url, withSpeech(yes, "no"));
        HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signedForNo)
                .POST(HttpRequest.BodyPublishers.ofString(ScriptedCall.form(yes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);

        assertThat(h.pg.count(TABLE_ROWS)).isEqualTo(before);
        assertThat(stateOf("CA1000")).isEqualTo(state);
    }

    @Test
    void aSignatureForAnotherUrlIsRefused() throws Exception {
        Map<String, String> f = ScriptedCall.callFields("CA1001", Harness.CALLER, Harness.BUSINESS);
        String signedForOtherHost = new TwilioSigner(dev.bella.booking.config.BookingConfig.LOCAL_DEV_TWILIO_TOKEN)
                .sign("https://bella.example.com/voice/incoming", f);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(h.app.publicUrl() + "/voice/incoming"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signedForOtherHost)
                .POST(HttpRequest.BodyPublishers.ofString(ScriptedCall.form(f))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(h.pg.count(TABLE_ROWS)).isZero();
    }

    @Test
    void aReplayedWebhookGetsTheSameAnswerAndAddsNoRow() throws Exception {
        Harness.Call call = h.call("CA2000");
        Exchange first = call.dial();
        Exchange again = h.twilio.post("/voice/incoming", first.sent());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(h.pg.count("SELECT count(*) FROM calls")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM call_costs")).isEqualTo(1);

        call.say("my name is Jane Doe, tomorrow at 3pm");
        Exchange booked = call.press("1");
        Exchange retried = h.twilio.post(booked.path(), booked.sent());
        assertThat(retried.body()).isEqualTo(booked.body()).contains("You're booked");
        assertThat(h.pg.count("SELECT count(*) FROM appointments")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM users")).isEqualTo(1);
        assertThat(h.pg.count("SELECT turns FROM calls")).isEqualTo(2);

        // a late retry of an earlier turn replays that turn's answer; it does not run the flow again
        Map<String, String> firstTurn = ScriptedCall.callFields("CA2000", Harness.CALLER, Harness.BUSINESS);
        firstTurn.put("SpeechResult", "my name is Jane Doe, tomorrow at 3pm");
        firstTurn.put("Confidence", "0.9");
        assertThat(h.twilio.post("/voice/turn?n=1", firstTurn).body()).contains("Press 1 to book");
        assertThat(h.pg.count("SELECT count(*) FROM calls WHERE state->>'stage' = 'DONE'")).isEqualTo(1);

        // a repeated status callback prices the call once
        call.hangUp(61);
        call.hangUp(61);
        // 2 minutes at 0.0085 and the greeting's speech block at 0.02: replays asked no Gather twice
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers")).isEqualTo(2);
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE twilio_minutes = 2.00 AND cost_usd = 0.037")).isEqualTo(1);
    }

    @Test
    void aSignedTurnReplayedWithANewOrMissingTokenDoesNotRunAgain() throws Exception {
        Harness.Call call = h.call("CA3000");
        call.dial();
        Map<String, String> f = ScriptedCall.callFields("CA3000", Harness.CALLER, Harness.BUSINESS);
        f.put("SpeechResult", "my name is Jane Doe, tomorrow at 3pm");
        Exchange first = h.twilio.post("/voice/turn?n=1", f, Map.of("I-Twilio-Idempotency-Token", "tok-1"));
        assertThat(first.body()).contains("Press 1 to book");
        Exchange newToken = h.twilio.post("/voice/turn?n=1", f, Map.of("I-Twilio-Idempotency-Token", "tok-2"));
        Exchange noToken = h.twilio.post("/voice/turn?n=1", f);
        assertThat(newToken.body()).isEqualTo(first.body());
        assertThat(noToken.body()).isEqualTo(first.body());
        assertThat(h.pg.count("SELECT turns FROM calls")).as("the turn ran once").isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM webhook_responses")).isEqualTo(2);
    }

    @Test
    void anotherCallCarryingCallAsTokenNeverGetsCallAsAnswer() throws Exception {
        Harness.Call a = h.call("CA3100");
        a.dial();
        Map<String, String> fa = ScriptedCall.callFields("CA3100", Harness.CALLER, Harness.BUSINESS);
        fa.put("SpeechResult", "my name is Jane Doe, tomorrow at 3pm");
        Map<String, String> token = Map.of("I-Twilio-Idempotency-Token", "tok-A");
        Exchange answerA = h.twilio.post("/voice/turn?n=1", fa, token);
        assertThat(answerA.body()).contains("Jane Doe");

        Harness.Call b = h.call("CA3200", "+15557654321");
        b.dial();
        Map<String, String> fb = ScriptedCall.callFields("CA3200", "+15557654321", Harness.BUSINESS);
        fb.put("SpeechResult", "my name is Bob Smith");
        Exchange answerB = h.twilio.post("/voice/turn?n=1", fb, token);
        assertThat(answerB.status()).isEqualTo(200);
        assertThat(answerB.body()).isNotEqualTo(answerA.body()).doesNotContain("Jane");
        assertThat(h.pg.count("SELECT count(*) FROM calls WHERE call_sid = 'CA3200' AND turns = 1")).isEqualTo(1);
    }

    @Test
    void fiftyCallersRacingForOneSlotGetExactlyOneBooking() throws Exception {
        int callers = 50;
        List<Harness.Call> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Harness.Call call = h.call(String.format("CA9%05d", i), String.format("+1555000%04d", i));
            call.dial();
            assertThat(call.say("my name is Caller Number, tomorrow at 3pm").body()).contains("Press 1 to book");
            calls.add(call);
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Exchange>> answers = new ArrayList<>();
        for (Harness.Call call : calls) {
            answers.add(pool.submit(() -> {
                go.await();
                return call.press("1");
            }));
        }
        go.countDown();
        int booked = 0;
        int toldTaken = 0;
        List<Harness.Call> askedToRepeat = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Exchange e = answers.get(i).get();
            assertThat(e.status()).isEqualTo(200);
            booked += e.body().contains("You're booked") ? 1 : 0;
            toldTaken += e.body().contains("Sorry, someone just booked that time.") ? 1 : 0;
            // on a loaded machine some requests wait longer than the pool allows: they hear the apology and
            // repeat themselves, which is the retry path a real caller takes
            if (e.body().contains(Twiml.APOLOGY)) {
                askedToRepeat.add(calls.get(i));
            }
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(1);
        assertThat(toldTaken + askedToRepeat.size()).isEqualTo(callers - 1);
        for (Harness.Call call : askedToRepeat) {
            assertThat(call.press("1").body()).contains("Sorry, someone just booked that time.");
        }
        assertThat(h.pg.count("SELECT count(*) FROM appointments WHERE status = 'booked'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM calls WHERE state->>'stage' = 'COLLECTING'")).isEqualTo(callers - 1);
    }

    private static Map<String, String> withSpeech(Map<String, String> fields, String speech) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(fields);
        copy.put("SpeechResult", speech);
        return copy;
    }

    private static String stateOf(String sid) throws Exception {
        return h.pg.db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT state::text || turns FROM calls WHERE call_sid = ?")) {
                ps.setString(1, sid);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
