package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.http.ScriptedCall.Exchange;
import dev.bella.booking.store.BookingStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The default flow's cost levers, whole calls against the real service and PostgreSQL: returning callers greeted
 * by name, the keypad read-back (no speech charge) with its speech fallback, short prompts with speech hints,
 * and what the ledger records of each Gather.
 */
class LeanFlowCallTest extends HarnessTest {

    @Test
    void aFirstTimeCallerHearsAShortGreetingWithHintsAndConfirmsOnTheKeypad() throws Exception {
        Harness.Call call = h.call("CA-L1");
        Exchange greeting = call.dial();
        assertThat(greeting.body()).contains("input=\"speech dtmf\"", "hints=\"Monday, Tuesday",
                "Hi, thanks for calling. Your name, and the day and time you'd like?");
        Exchange readBack = call.say("so uh it's, um, Dana Whitfield, tomorrow at 3 pm");
        assertThat(readBack.body()).contains("input=\"dtmf\"", "Dana Whitfield, Thursday, January 3 at 3 PM."
                + " Press 1 to book, or 2 to change.").doesNotContain("speech");
        assertThat(call.press("1").body()).contains("You're booked for Thursday, January 3 at 3 PM.");
        assertThat(call.hangUp(40).status()).isEqualTo(200);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L1'")).isEqualTo(2);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L1' AND seq = 1"
                + " AND input_mode = 'speech' AND answered_by = 'speech' AND NOT reprompt AND prompt_chars = 67")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L1' AND seq = 2"
                + " AND input_mode = 'dtmf' AND answered_by = 'keypad'")).isEqualTo(1);
        // 1 minute at 0.0085 + the greeting's one speech block at 0.02; the keypad read-back is free of speech charges
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE call_sid = 'CA-L1' AND billed_minutes = 1"
                + " AND speech_gathers = 1 AND keypad_gathers = 1 AND speech_blocks = 1 AND cost_usd = 0.028500"))
                .isEqualTo(1);
    }

    @Test
    void aReturningCallerIsGreetedByNameAndNeverAskedForIt() throws Exception {
        h.pg.exec("INSERT INTO users (mobile, name) VALUES ('" + Harness.CALLER + "', 'Anne-Marie O''Connor')");
        Harness.Call call = h.call("CA-L2");
        Exchange greeting = call.dial();
        assertThat(greeting.body()).contains("Welcome back, Anne-Marie. What day and time would you like?")
                .doesNotContain("name");
        Exchange readBack = call.say("Friday at 10 am");
        assertThat(readBack.body()).contains("Anne-Marie O'Connor, Friday, January 4 at 10 AM. Press 1 to book");
        assertThat(call.press("1").body()).contains("You're booked for Friday, January 4 at 10 AM.");
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L2' AND input_mode = 'speech'"))
                .isEqualTo(1);
    }

    @Test
    void aCallerWhoseNumberIsNotOnFileIsNotGreetedWithSomeoneElsesName() throws Exception {
        h.pg.exec("INSERT INTO users (mobile, name) VALUES ('+15550009999', 'Someone Else')");
        assertThat(h.call("CA-L3").dial().body()).contains("Your name, and the day and time").doesNotContain("Someone");
    }

    @Test
    void aReturningCallerCanStillCorrectTheirName() throws Exception {
        h.pg.exec("INSERT INTO users (mobile, name) VALUES ('" + Harness.CALLER + "', 'Dan Whitfield')");
        Harness.Call call = h.call("CA-L4");
        call.dial();
        call.say("Friday at 10 am");
        assertThat(call.press("2").body()).contains("No problem. What should I change?", "input=\"speech dtmf\"");
        assertThat(call.say("my name is Daniel Whitfield").body()).contains("Daniel Whitfield, Friday, January 4 at 10 AM.");
        call.press("1");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '" + Harness.CALLER
                + "' AND name = 'Daniel Whitfield'")).isEqualTo(1);
    }

    @Test
    void noKeyAtTheReadBackFallsBackToSpeechAndCountsAsARePrompt() throws Exception {
        Harness.Call call = h.call("CA-L5");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        Exchange fallback = call.silence();
        assertThat(fallback.body()).contains("input=\"speech dtmf\"", "Sorry, I missed that. Shall I book Jane Doe for"
                + " Thursday, January 3 at 3 PM? Say yes or press 1, or say no or press 2.");
        assertThat(call.say("yes").body()).contains("You're booked");
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L5' AND seq = 2"
                + " AND input_mode = 'dtmf' AND answered_by = 'silence'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L5' AND seq = 3"
                + " AND input_mode = 'speech' AND reprompt")).isEqualTo(1);
    }

    @Test
    void aCallerWhoLetsAKeypadQuestionGoByIsAskedBySpeechForTheRestOfTheCall() throws Exception {
        Harness.Call call = h.call("CA-L11");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        call.silence();  // said "yes" to "press 1": Twilio heard nothing
        Exchange again = call.say("actually, can we make it 4 pm instead");
        // the second read-back goes straight to speech: no keypad round the caller has shown they do not use
        assertThat(again.body()).contains("input=\"speech dtmf\"", "Shall I book Jane Doe for Thursday, January 3 at 4 PM?")
                .doesNotContain("Press 1 to book", "missed that");
        assertThat(call.say("yes").body()).contains("You're booked for Thursday, January 3 at 4 PM.");
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L11' AND input_mode = 'dtmf'"))
                .isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L11' AND seq = 4 AND NOT reprompt"))
                .isEqualTo(1);
    }

    @Test
    void howACallerAnsweredIsRememberedForTheirNextCallUntilTheyPressAKey() throws Exception {
        Harness.Call first = h.call("CA-L13");
        first.dial();
        first.say("my name is Jane Doe, tomorrow at 3pm");
        first.silence();  // "yes" said to "press 1"
        assertThat(first.say("yes").body()).contains("You're booked");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '" + Harness.CALLER + "' AND answers_by_speech"))
                .isEqualTo(1);
        Harness.Call second = h.call("CA-L14");
        second.dial();
        // the returning caller's first read-back asks by speech: no keypad round they did not use last time
        assertThat(second.say("Friday at 10 am").body()).contains("input=\"speech dtmf\"",
                "Shall I book Jane Doe for Friday, January 4 at 10 AM?").doesNotContain("Press 1 to book");
        assertThat(second.press("1").body()).contains("You're booked for Friday, January 4 at 10 AM.");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '" + Harness.CALLER + "' AND NOT answers_by_speech"))
                .isEqualTo(1);
        Harness.Call third = h.call("CA-L15");
        third.dial();
        assertThat(third.say("Friday at 11 am").body()).contains("input=\"dtmf\"", "Press 1 to book");
    }

    @Test
    void silenceAtASpokenQuestionKeepsTheKeypadReadBack() throws Exception {
        Harness.Call call = h.call("CA-L12");
        call.dial();
        call.silence();
        assertThat(call.say("my name is Jane Doe, tomorrow at 3pm").body()).contains("input=\"dtmf\"", "Press 1 to book");
    }

    @Test
    void pressingTwoKeepsWhatTheCallHasSoANewTimeIsAllItTakes() throws Exception {
        Harness.Call call = h.call("CA-L6");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        call.press("2");
        assertThat(call.say("make it 4 pm").body()).contains("Jane Doe, Thursday, January 3 at 4 PM. Press 1 to book");
    }

    @Test
    void atMostTwoRepromptsThenTheCallbackPromise() throws Exception {
        Harness.Call call = h.call("CA-L7");
        call.dial();
        assertThat(call.silence().body()).contains("Sorry, I missed that.");
        assertThat(call.silence().body()).contains("Sorry, I missed that.");
        assertThat(call.silence().body()).contains("Someone from our team will call you back", "<Hangup/>");
    }

    @Test
    void aTakenSlotIsOfferedOnTheKeypadAndTheNextKeyAsksForAnotherTime() throws Exception {
        Instant three = Instant.parse("2030-01-03T20:00:00Z");
        h.pg.db.inTransaction(c -> new BookingStore().book(c, "Someone", "+15550000009", three, three.plusSeconds(1800), null));
        Harness.Call call = h.call("CA-L8");
        call.dial();
        Exchange offer = call.say("my name is Jane Doe, tomorrow at 3pm");
        assertThat(offer.body()).contains("input=\"dtmf\"", "Sorry, Thursday, January 3 at 3 PM is already taken."
                + " Nearest free: Thursday, January 3 at 2:30 PM, or Thursday, January 3 at 3:30 PM. Press 1 or 2, or 3 for"
                + " another time.");
        assertThat(call.press("3").body()).contains("What other day and time would work for you?", "input=\"speech dtmf\"");
        assertThat(call.say("Friday at 9 am").body()).contains("Jane Doe, Friday, January 4 at 9 AM. Press 1 to book");
    }

    @Test
    void noKeyAtTheOfferFallsBackToTheSpokenOffer() throws Exception {
        Instant three = Instant.parse("2030-01-03T20:00:00Z");
        h.pg.db.inTransaction(c -> new BookingStore().book(c, "Someone", "+15550000009", three, three.plusSeconds(1800), null));
        Harness.Call call = h.call("CA-L9");
        call.dial();
        call.say("my name is Jane Doe, tomorrow at 3pm");
        assertThat(call.silence().body()).contains("input=\"speech dtmf\"", "Sorry, I missed that. Nearest free:"
                + " Thursday, January 3 at 2:30 PM, or 3:30 PM. Say the first or the second, or tell me another time.");
        // no key at the offer: the read-back asks by speech too
        assertThat(call.say("the second one").body()).contains("Shall I book Jane Doe for Thursday, January 3 at 3:30 PM?");
        // the times in full a second time made this Gather 240 characters, 17 s with "the second one": two speech
        // blocks; at 14 characters a second the prompt must leave an answer room inside one 15 s block
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L9' AND seq = 3"
                + " AND input_mode = 'speech' AND reprompt AND prompt_chars <= 150")).isEqualTo(1);
    }

    @Test
    void aCallerWithoutCallerIdKeysInTheirNumberWithNoSpeechCharge() throws Exception {
        Harness.Call call = h.call("CA-L20", "anonymous");
        call.dial();
        Exchange ask = call.say("This is Sam Okafor, Friday at 11 am");
        assertThat(ask.body()).contains("input=\"dtmf\"", "finishOnKey=\"#\"",
                "Please key in the best number to reach you, then press pound.").doesNotContain("speech", "numDigits");
        assertThat(call.press("5145559876").body()).contains("Sam Okafor, Friday, January 4 at 11 AM,"
                + " reaching you at the number ending in 9876. Press 1 to book");
        assertThat(call.press("1").body()).contains("You're booked");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15145559876' AND name = 'Sam Okafor'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L20' AND seq = 2"
                + " AND input_mode = 'dtmf' AND answered_by = 'keypad'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM call_gathers WHERE call_sid = 'CA-L20' AND input_mode = 'speech'"))
                .isEqualTo(1);
    }

    @Test
    void keysThatAreNoNumberAreAskedForAgainOnTheKeypadAndEndInTheCallbackPromise() throws Exception {
        Harness.Call call = h.call("CA-L21", "anonymous");
        call.dial();
        call.say("This is Sam Okafor, Friday at 11 am");
        for (String keys : new String[] {"1", "12345", "*5145559876"}) {
            Exchange again = call.press(keys);
            if (keys.startsWith("*")) {
                // the third unusable answer in a row: every loop over caller input ends
                assertThat(again.body()).contains("Someone from our team will call you back").doesNotContain("<Gather");
            } else {
                assertThat(again.body()).contains("input=\"dtmf\"", "finishOnKey=\"#\"",
                        "That didn't look like a full phone number.").doesNotContain("speech");
            }
        }
        assertThat(h.pg.count("SELECT count(*) FROM appointments")).isZero();
    }

    @Test
    void aCallerWhoSaysTheirNumberToTheKeypadQuestionIsAskedBySpeech() throws Exception {
        Harness.Call call = h.call("CA-L22", "anonymous");
        call.dial();
        call.say("This is Sam Okafor, Friday at 11 am");
        // the number said to a keys-only Gather: Twilio heard nothing
        Exchange spoken = call.silence();
        assertThat(spoken.body()).contains("input=\"speech dtmf\"", "Sorry, I missed that. What's the best number to reach you?");
        // from now on this call asks by speech: the read-back too
        assertThat(call.say("it's 514 555 9876").body()).contains("Shall I book Sam Okafor for Friday, January 4 at 11 AM?")
                .doesNotContain("Press 1 to book");
        assertThat(call.say("yes").body()).contains("You're booked");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15145559876'")).isEqualTo(1);
    }

    @Test
    void aWithheldCallerIdIsNoNumberAndNobodysName() throws Exception {
        // Twilio's From for a caller who withheld their number spells ANONYMOUS on a keypad: every such caller has it
        Harness.Call first = h.call("CA-L30", "+266696687");
        first.dial();
        assertThat(first.say("This is Sam Okafor, Friday at 11 am").body()).contains("Please key in the best number");
        assertThat(first.say("just use this number").body()).doesNotContain("6687");
        first.press("5145559876");
        assertThat(first.press("1").body()).contains("You're booked");
        Harness.Call second = h.call("CA-L31", "+266696687");
        assertThat(second.dial().body()).contains("Your name, and the day and time").doesNotContain("Sam");
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+266696687'")).isZero();
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile = '+15145559876' AND name = 'Sam Okafor'")).isEqualTo(1);
    }

    @Test
    void aCallThatNeverSettlesEndsInTheCallbackPromiseAfterTwentyAnswers() throws Exception {
        Harness.Call call = h.call("CA-L40");
        call.dial();
        Exchange last = call.say("my name is Jane Doe, tomorrow at 3pm");
        for (int answers = 1; answers < VoiceFlow.MAX_TURNS; answers++) {
            // every answer changes the time: progress each turn, so no re-prompt limit ever ends it
            last = call.say("actually make it " + (answers % 2 == 0 ? 3 : 4) + " pm");
            assertThat(last.body()).contains("<Gather");
        }
        last = call.say("actually make it 5 pm");
        assertThat(last.body()).contains("I'm sorry, this is taking longer than it should. Someone from our team will call"
                + " you back at the number ending in 4567 as soon as possible. Goodbye.", "<Hangup/>");
        assertThat(h.pg.count("SELECT count(*) FROM callbacks WHERE reason = 'no booking after 20 answers'")).isEqualTo(1);
        assertThat(h.pg.count("SELECT count(*) FROM appointments")).isZero();
    }
}
