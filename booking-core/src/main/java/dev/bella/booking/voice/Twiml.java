package dev.bella.booking.voice;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import java.util.List;

/** TwiML through the Twilio SDK's builders, never by string concatenation. */
final class Twiml {

    static final String TURN_PATH = "/voice/turn";
    static final String APOLOGY = "Sorry, I'm having trouble with our booking system right now.";

    private Twiml() {
    }

    /** The turn number in the URL keeps each question's answer (and its retries) apart from the next one's. */
    static String action(int turn) {
        return TURN_PATH + "?n=" + turn;
    }

    static String render(Reply reply, int turn, String hints) {
        return switch (reply) {
            case Reply.Ask ask -> switch (ask.listen()) {
                case SPEECH -> ask(ask.text(), action(turn), hints);
                case KEYPAD -> keypad(ask.text(), action(turn));
                case DIGITS -> digits(ask.text(), action(turn));
            };
            case Reply.Goodbye bye -> new VoiceResponse.Builder().say(say(bye.text())).hangup(new Hangup.Builder().build())
                    .build().toXml();
        };
    }

    /**
     * Speech or one keypad digit. When the caller says nothing, Gather falls through to the Redirect, which
     * posts to the same action without a SpeechResult: the flow counts that as an empty turn and re-prompts.
     */
    static String ask(String text, String action, String hints) {
        Gather.Builder gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.SPEECH, Gather.Input.DTMF))
                .action(action)
                .method(HttpMethod.POST)
                .numDigits(1)
                .timeout(5)
                .speechTimeout("auto")
                .language(Gather.Language.EN_US)
                .say(say(text));
        if (hints != null && !hints.isEmpty()) {
            gather.hints(hints);
        }
        return respond(gather.build(), action);
    }

    /**
     * Keys only: a Gather without speech input has no speech recognition charge. No key within the timeout
     * falls through to the Redirect, an empty turn, after which the flow listens for speech again.
     */
    static String keypad(String text, String action) {
        Gather gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.DTMF))
                .action(action)
                .method(HttpMethod.POST)
                .numDigits(1)
                .timeout(5)
                .say(say(text))
                .build();
        return respond(gather, action);
    }

    /**
     * A whole number on the keys only (no speech charge): Twilio posts the digits when the caller presses # or
     * pauses for the timeout, which also runs between two keys. No key falls through to the Redirect, an empty turn.
     */
    static String digits(String text, String action) {
        Gather gather = new Gather.Builder()
                .inputs(List.of(Gather.Input.DTMF))
                .action(action)
                .method(HttpMethod.POST)
                .finishOnKey("#")
                .timeout(5)
                .say(say(text))
                .build();
        return respond(gather, action);
    }

    private static String respond(Gather gather, String action) {
        return new VoiceResponse.Builder().gather(gather)
                .redirect(new Redirect.Builder(action).method(HttpMethod.POST).build())
                .build().toXml();
    }

    /** A dependency failed: apologise and listen again on the same turn, so the caller can simply repeat. */
    static String apology(String action) {
        return ask(APOLOGY + " Could you please say that again?", action, null);
    }

    /** Nothing to say (status callbacks): an empty, valid response. */
    static String empty() {
        return new VoiceResponse.Builder().build().toXml();
    }

    private static Say say(String text) {
        return new Say.Builder(text).language(Say.Language.EN_US).build();
    }
}
