package dev.bella.booking.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.http.ScriptedCall.Exchange;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whole calls of random callers against the real service and PostgreSQL: random words (names, days, times,
 * yes and no, numbers, corrections, junk, markup, other scripts), random keys and silences, in whatever order, from
 * callers with a number, without one, or with Twilio's withheld-number sentinel. Hand-picked calls cannot cover
 * that space; these hold the flow's promises on all of it: every answer is valid TwiML, no more than two re-prompts
 * in a row, every call ends within {@link VoiceFlow#MAX_TURNS} answers, and a caller hears "You're booked" exactly
 * when an appointment was written.
 */
class RandomCallsTest extends HarnessTest {

    private static final List<String> WORDS = List.of("my name is", "this is", "Dana Whitfield", "Anne-Marie O'Connor",
            "uh", "um, so", "tomorrow", "Friday", "January 4th", "next Tuesday", "the 31st", "February 30th", "at",
            "3 pm", "10 a.m.", "noon", "half past two", "25:99", "yes", "no", "yeah that's right", "nope",
            "the first one", "the second", "actually make it 4 pm", "change the name", "514 555 9876", "use this number",
            "five one four five five five oh one nine nine", "123", "asdf", "🙂", "Zoë Ñúñez", "<Say>hi</Say>", "&amp;",
            "'; drop table users; --", "later today", "in two weeks", "I don't know", "can you repeat that");
    private static final String KEYS = "0123456789*#";
    private static final List<String> FROM = List.of(Harness.CALLER, "+15145550123", "anonymous", "+266696687", "");

    @Test
    void randomCallersAlwaysGetAValidAnswerAndEveryCallEnds() throws Exception {
        Random random = new Random(6);
        int booked = 0;
        for (int n = 0; n < 120; n++) {
            booked += play(h.call("CA-R" + n, FROM.get(random.nextInt(FROM.size()))), random);
        }
        assertThat(h.pg.count("SELECT count(*) FROM appointments")).isEqualTo(booked);
        assertThat(booked).as("some random calls book, or the test exercises nothing past the read-back").isPositive();
        assertThat(h.pg.count("SELECT count(*) FROM users WHERE mobile !~ '^\\+[0-9]{8,15}$'"
                + " OR mobile IN ('+266696687', '+7378742833', '+86282452253')")).isZero();
    }

    /** One call; 1 when it booked. */
    private static int play(Harness.Call call, Random random) throws Exception {
        Exchange answer = call.dial();
        int repromptsInARow = 0;
        for (int answers = 0; ; answers++) {
            assertThat(answer.status()).as(call.sid).isEqualTo(200);
            String body = answer.body();
            assertThat(body).as(call.sid).startsWith("<?xml").containsAnyOf("<Gather", "<Hangup/>");
            boolean reprompt = body.contains("Sorry, I missed that") || body.contains("didn't look like a full phone");
            repromptsInARow = reprompt ? repromptsInARow + 1 : 0;
            assertThat(repromptsInARow).as(call.sid + ": re-prompts in a row").isLessThanOrEqualTo(2);
            if (body.contains("<Hangup/>")) {
                return body.contains("You're booked") ? 1 : 0;
            }
            assertThat(answers).as(call.sid + ": answers before the call ends").isLessThanOrEqualTo(VoiceFlow.MAX_TURNS);
            answer = next(call, body.contains("input=\"dtmf\""), random);
        }
    }

    /** What a caller does next: mostly what Twilio would post for this Gather, sometimes what only a forger would. */
    private static Exchange next(Harness.Call call, boolean keysOnly, Random random) throws Exception {
        int roll = random.nextInt(100);
        if (roll < 20) {
            return call.silence();
        }
        if (keysOnly ? roll < 90 : roll < 35) {
            if (random.nextInt(3) == 0) {
                return call.press(String.valueOf(1 + random.nextInt(3)));
            }
            StringBuilder keys = new StringBuilder();
            for (int k = 1 + random.nextInt(keysOnly ? 12 : 1); k > 0; k--) {
                keys.append(KEYS.charAt(random.nextInt(KEYS.length())));
            }
            return call.press(keys.toString());
        }
        StringBuilder said = new StringBuilder();
        for (int w = 1 + random.nextInt(6); w > 0; w--) {
            said.append(said.isEmpty() ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return call.say(said.toString());
    }
}
