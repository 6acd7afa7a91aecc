package dev.bella.booking.voice;

/** What the service says next: a question (and listen), or a last sentence (and hang up). */
public sealed interface Reply {

    String text();

    /**
     * How a question listens. Twilio bills speech recognition for every Gather that listens for speech, even
     * when the caller answers on the keypad; a keypad-only Gather has no speech charge. KEYPAD takes one key (a yes,
     * a no, a choice); DIGITS takes a whole number, ended by # or a pause.
     */
    enum Listen { SPEECH, KEYPAD, DIGITS }

    /** @param reprompt the question is asked again because the last answer gave nothing usable */
    record Ask(String text, Listen listen, boolean reprompt) implements Reply {
        Ask(String text) {
            this(text, Listen.SPEECH, false);
        }
    }

    record Goodbye(String text) implements Reply {
    }
}
