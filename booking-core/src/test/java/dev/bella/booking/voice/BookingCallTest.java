package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.http.ScriptedCall.Exchange;
import dev.bella.booking.store.BookingStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against the real service and a real PostgreSQL: what the caller hears and what is stored, on the
 * classic flow (BELLA_FLOW=classic, every cost lever off), which the call-cost bench compares the default with.
 * The default flow's levers are {@link LeanFlowCallTest}'s.
 */
class BookingCallTest {

    static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start(Map.of("BELLA_FLOW", "classic"));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void reset() throws Exception {
        h.reset();
    }

    @Test
    void aFullBookingCall() throws Exception {
        Harness.Call call = h.call("CA0001");
        Exchange greeting = call.dial();
        assertThat(greeting.status()).isEqualTo(200);
        assertThat(greeting.body()).contains("<Gather", "input=\"speech dtmf\"", "action=\"/voice/turn?n=1\"",
                "Please tell me your name and the day and time you would like.", "<Redirect method=\"POST\">/voice/turn?n=1</Redirect>");

        Exchange readBack = call.say("Hi, my name is Jane Doe and I'd like tomorrow at 3 p.m.");
        assertThat(readBack.body()).contains("To confirm: an appointment for Jane Doe on Thursday, January 3 at 3 PM,"
                + " and we'll reach you at the number you're calling from, ending in 4567. Shall I book it?");

        Exchange booked = call.say("Yes please");
        assertThat(booked.body()).contains("You're booked for Thursday, January 3 at 3 PM. We'll see you then, Jane.",
                "<Hangup/>").doesNotContain("<Gather");

        assertThat(h.pg.count("SELECT count(*) FROM appointments WHERE status = 'booked'"
                + " AND starts_at = '2030-01-03 20:00Z' AND ends_at = '2030-01-03 20:30Z' AND call_sid = 'CA0001'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15551234567' AND name = 'Jane Doe'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM calls WHERE state->>'stage' = 'DONE' AND turns = 2")).isEqualTo(1);

        assertThat(call.hangUp(75).status()).isEqualTo(200);
        assertThat(h.pg.count("SELECT count(*) FROM calls WHERE status = 'completed' AND duration_seconds = 75")).isEqualTo(1);
        // 75 s bill as 2 started minutes at the table's 0.0085, and two speech Gathers (greeting, read-back) one
        // 15 s block each at 0.02: 0.017 + 0.04
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE call_sid = 'CA0001' AND duration_seconds = 75"
                + " AND twilio_minutes = 2.00 AND speech_gathers = 2 AND keypad_gathers = 0 AND speech_blocks = 2"
                + " AND cost_usd = 0.057000 AND llm_calls = 0")).isEqualTo(1);
    }

    @Test
    void missingFieldsAreAskedForOneAtATimeAndTheKeypadConfirms() throws Exception {
        Harness.Call call = h.call("CA0002");
        call.dial();
        assertThat(call.say("Tomorrow please").body()).contains("Thanks. And may I have your name?");
        assertThat(call.say("Priya Patel").body()).contains("What time on Thursday, January 3 works for you?");
        assertThat(call.say("10 a.m.").body()).contains("To confirm: an appointment for Priya Patel on Thursday,"
                + " January 3 at 10 AM", "Say yes or press 1, or say no or press 2.");
        assertThat(call.press("1").body()).contains("You're booked for Thursday, January 3 at 10 AM.");
        assertThat(h.pg.count("SELECT count(*) FROM appointments WHERE starts_at = '2030-01-03 15:00Z'")).isEqualTo(1);
    }

    @Test
    void aNumberTheCallerSaysReplacesTheCallerIdAndAnAnonymousCallerIsAskedForOne() throws Exception {
        Harness.Call call = h.call("CA0003", "anonymous");
        call.dial();
        assertThat(call.say("This is Sam, Friday at 11 a.m.").body()).contains("What is the best phone number to reach you?");
        assertThat(call.say("It's 555 987 6543").body()).contains("on Friday, January 4 at 11 AM",
                "the number ending in 6543");
        call.say("yes");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15559876543' AND name = 'Sam'")).isEqualTo(1);
    }

    @Test
    void aTakenSlotOffersTheNearestFreeTimes() throws Exception {
        bookDirectly("2030-01-03T20:00:00Z", "+15550000009");
        Harness.Call call = h.call("CA0004");
        call.dial();
        Exchange offer = call.say("My name is Jane Doe, tomorrow at 3pm");
        assertThat(offer.body()).contains("Sorry, Thursday, January 3 at 3 PM is already taken. The nearest free times"
                + " are Thursday, January 3 at 2:30 PM, or Thursday, January 3 at 3:30 PM. Say the first or press 1,"
                + " say the second or press 2, or tell me another time.");
        assertThat(call.press("2").body()).contains("To confirm: an appointment for Jane Doe on Thursday, January 3 at 3:30 PM");
        assertThat(call.say("yes").body()).contains("You're booked for Thursday, January 3 at 3:30 PM.");
        assertThat(h.pg.count("SELECT count(*) FROM appointments WHERE status = 'booked'")).isEqualTo(2);
    }

    @Test
    void outsideBusinessHoursAndInThePastAreExplained() throws Exception {
        Harness.Call call = h.call("CA0005");
        call.dial();
        assertThat(call.say("I'm Ann, Saturday at 10 a.m.").body()).contains("We're open Monday to Friday, 9 AM to 5 PM."
                + " The nearest free times are Friday, January 4 at 4 PM, or Friday, January 4 at 4:30 PM.");
        assertThat(call.say("today at 9 a.m.").body()).contains("That time has already passed. The nearest free times are"
                + " Wednesday, January 2 at 10:30 AM, or Wednesday, January 2 at 11 AM.");
        assertThat(call.say("the first one").body()).contains("on Wednesday, January 2 at 10:30 AM");
    }

    @Test
    void sayingNoAtTheReadBackAsksAgainAndACorrectionIsReadBack() throws Exception {
        Harness.Call call = h.call("CA0006");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        assertThat(call.say("no").body()).contains("No problem. What day and time would suit you better?");
        assertThat(call.say("Friday at 9 a.m.").body()).contains("Jane Doe on Friday, January 4 at 9 AM");
        assertThat(call.say("actually my name is Jane Smith").body()).contains("Jane Smith on Friday, January 4 at 9 AM");
        assertThat(h.pg.count("SELECT count(*) FROM appointments")).isZero();
    }

    @Test
    void twoRepromptsThenAGoodbyeWithARecordedCallbackPromise() throws Exception {
        Harness.Call call = h.call("CA0007");
        call.dial();
        assertThat(call.silence().body()).contains("Sorry, I didn't catch that. Please tell me your name");
        assertThat(call.say("um").body()).contains("Sorry, I didn't catch that.");
        Exchange bye = call.silence();
        assertThat(bye.body()).contains("Someone from our team will call you back at the number ending in 4567",
                "<Hangup/>");
        assertThat(h.pg.count("SELECT count(*) FROM callbacks WHERE call_sid = 'CA0007' AND phone = '+15551234567'"))
                .isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM appointments")).isZero();
    }

    @Test
    void aUsefulAnswerResetsTheRepromptCount() throws Exception {
        Harness.Call call = h.call("CA0008");
        call.dial();
        call.silence();
        call.silence();
        assertThat(call.say("my name is Jane Doe").body()).contains("What day and time would you like to come in?");
        assertThat(call.silence().body()).contains("Sorry, I didn't catch that.").doesNotContain("<Hangup/>");
    }

    @Test
    void sayingSomeoneElsesNumberDoesNotRenameThem() throws Exception {
        Harness.Call jane = h.call("CA6100");
        jane.dial();
        jane.say("my name is Jane Doe, tomorrow at 3pm");
        assertThat(jane.say("yes").body()).contains("You're booked");

        // another caller gives Jane's number as theirs
        Harness.Call mallory = h.call("CA6200", "+15557654321");
        mallory.dial();
        mallory.say("my name is Mallory Smith, Friday at 11 a.m.");
        assertThat(mallory.say("actually my number is 555 123 4567").body()).contains("the number ending in 4567");
        assertThat(mallory.say("yes").body()).contains("You're booked");

        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15551234567' AND name = 'Jane Doe'"))
                .as("Jane keeps her name").isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM appointments a JOIN users u ON u.id = a.user_id"
                + " WHERE a.call_sid = 'CA6100' AND a.name = 'Jane Doe'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM appointments WHERE call_sid = 'CA6200' AND name = 'Mallory Smith'"))
                .as("the appointment keeps the name it was booked under").isEqualTo(1);
        HttpResponse<String> list = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(h.app.publicUrl() + "/api/appointments?date=2030-01-03"))
                        .header("Authorization", "Bearer " + Harness.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains("\"name\":\"Jane Doe\"").doesNotContain("Mallory");

        // Jane herself, from her own number, may change her name
        Harness.Call again = h.call("CA6300");
        again.dial();
        again.say("my name is Janet Doe, Monday at 10 a.m.");
        again.say("yes");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15551234567' AND name = 'Janet Doe'")).isEqualTo(1);
    }

    private static void bookDirectly(String start, String mobile) throws Exception {
        Instant s = Instant.parse(start);
        h.pg.db.inTransaction(c -> new BookingStore().book(c, "Someone", mobile, s, s.plusSeconds(1800), null));
    }
}
