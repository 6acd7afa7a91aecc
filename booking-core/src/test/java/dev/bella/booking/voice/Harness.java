package dev.bella.booking.voice;

import dev.bella.booking.BookingApp;
import dev.bella.booking.config.BookingConfig;
import dev.bella.booking.extract.BusinessHours;
import dev.bella.booking.extract.Extractor;
import dev.bella.booking.extract.TieredExtractor;
import dev.bella.booking.http.ScriptedCall;
import dev.bella.booking.http.ScriptedCall.Exchange;
import dev.bella.booking.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A booking service on port 0 over one shared embedded PostgreSQL, with the clock fixed at
 * Wednesday 2030-01-02 10:00 in Toronto, and a client that signs like Twilio.
 */
public final class Harness implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2030-01-02T15:00:00Z");
    public static final String ADMIN_TOKEN = "admin-token-0123456789";
    public static final String CALLER = "+15551234567";
    public static final String BUSINESS = "+15550001111";

    public final TestDatabase pg;
    public final BookingApp app;
    public final ScriptedCall twilio;

    private Harness(TestDatabase pg, BookingApp app) {
        this.pg = pg;
        this.app = app;
        this.twilio = new ScriptedCall(ScriptedCall.defaultClient(), app.publicUrl(), BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
    }

    public static Harness start() {
        return start(TieredExtractor.localOnly(BusinessHours.DEFAULT));
    }

    /** The same service with another extractor (the OpenAI tier against WireMock, say). */
    public static Harness start(Extractor extractor) {
        return start(extractor, Map.of());
    }

    /** The service with extra settings (BELLA_FLOW=classic, say). */
    public static Harness start(Map<String, String> settings) {
        return start(TieredExtractor.localOnly(BusinessHours.DEFAULT), settings);
    }

    public static Harness start(Extractor extractor, Map<String, String> settings) {
        return start(extractor, settings, VoiceService.TURN_BUDGET);
    }

    /** The same with another extraction budget per turn. */
    public static Harness start(Extractor extractor, Duration extractionBudget) {
        return start(extractor, Map.of(), extractionBudget);
    }

    private static Harness start(Extractor extractor, Map<String, String> settings, Duration extractionBudget) {
        TestDatabase pg = TestDatabase.start();
        Map<String, String> env = new HashMap<>(settings);
        env.put("BELLA_PORT", "0");
        env.put("BELLA_ADMIN_TOKEN", ADMIN_TOKEN);
        env.putIfAbsent("TWILIO_AUTH_TOKEN", BookingConfig.LOCAL_DEV_TWILIO_TOKEN);
        BookingConfig config = BookingConfig.fromEnv(env, Path.of("/nonexistent"));
        BookingApp app = BookingApp.serve(config, pg.db, Clock.fixed(NOW, ZoneOffset.UTC), extractor, extractionBudget);
        return new Harness(pg, app);
    }

    public void reset() throws Exception {
        pg.exec("TRUNCATE appointments, users, webhook_responses, callbacks, calls, call_costs, call_gathers RESTART IDENTITY CASCADE");
    }

    /** A call in progress: remembers where Twilio would post next. */
    public final class Call {
        public final String sid;
        private final String from;
        private String next;

        Call(String sid, String from) {
            this.sid = sid;
            this.from = from;
        }

        public Exchange dial() throws Exception {
            return record(twilio.post("/voice/incoming", ScriptedCall.callFields(sid, from, BUSINESS)));
        }

        public Exchange say(String speech) throws Exception {
            Map<String, String> f = ScriptedCall.callFields(sid, from, BUSINESS);
            f.put("SpeechResult", speech);
            f.put("Confidence", "0.9");
            return record(twilio.post(next, f));
        }

        public Exchange press(String digits) throws Exception {
            Map<String, String> f = ScriptedCall.callFields(sid, from, BUSINESS);
            f.put("Digits", digits);
            return record(twilio.post(next, f));
        }

        /** The caller said nothing: Twilio follows the Redirect with no SpeechResult. */
        public Exchange silence() throws Exception {
            return record(twilio.post(next, ScriptedCall.callFields(sid, from, BUSINESS)));
        }

        public Exchange hangUp(int seconds) throws Exception {
            Map<String, String> f = ScriptedCall.callFields(sid, from, BUSINESS);
            f.put("CallStatus", "completed");
            f.put("CallDuration", String.valueOf(seconds));
            return twilio.post("/voice/status", f);
        }

        private Exchange record(Exchange e) {
            Optional<String> action = ScriptedCall.nextAction(e.body());
            action.ifPresent(a -> next = a);
            return e;
        }
    }

    public Call call(String sid) {
        return new Call(sid, CALLER);
    }

    public Call call(String sid, String from) {
        return new Call(sid, from);
    }

    @Override
    public void close() {
        app.close();
        pg.close();
    }
}
