package dev.bella.booking.voice;

/**
 * The words of every question, in two lengths. A speech Gather bills its listening time in 15 s blocks and the
 * prompt is part of it (Twilio listens while the prompt plays, so a caller can answer over it), and every second
 * bills minutes: the short wording keeps the greeting and the questions well inside one block. The long wording
 * is the flow before issue 14, kept for the call-cost bench's comparison.
 */
final class Prompts {

    private final boolean brief;

    Prompts(boolean brief) {
        this.brief = brief;
    }

    String greeting() {
        return brief ? "Hi, thanks for calling. Your name, and the day and time you'd like?"
                : "Hello, thanks for calling. I can book an appointment for you."
                        + " Please tell me your name and the day and time you would like.";
    }

    String welcomeBack(String firstName) {
        return "Welcome back, " + firstName + ". What day and time would you like?";
    }

    String sorry() {
        return brief ? "Sorry, I missed that. " : "Sorry, I didn't catch that. ";
    }

    String nameAndWhen() {
        return brief ? "Your name, and the day and time you'd like?"
                : "May I have your name, and the day and time you would like to come in?";
    }

    String missingAll() {
        return brief ? "Your name, and the day and time you'd like?"
                : "Please tell me your name and the day and time you would like.";
    }

    String name() {
        return brief ? "And your name?" : "Thanks. And may I have your name?";
    }

    String nameAgain() {
        return brief ? "Your name, please?" : "May I have your name?";
    }

    String phone() {
        return brief ? "What's the best number to reach you?" : "What is the best phone number to reach you?";
    }

    /** The number on the keypad: no speech charge, and keyed digits are never misheard. */
    String phoneKeys() {
        return brief ? "Please key in the best number to reach you, then press pound."
                : "Please enter the best phone number to reach you on your keypad, then press the pound key.";
    }

    String phoneKeysAgain() {
        return "That didn't look like a full phone number. Please key it in with the area code, then press pound.";
    }

    String when(String firstName) {
        return brief ? "Thanks, " + firstName + ". What day and time?"
                : "Thanks, " + firstName + ". What day and time would you like to come in?";
    }

    String whenAgain() {
        return brief ? "What day and time?" : "What day and time would you like to come in?";
    }

    String day(String time) {
        return brief ? "What day, at " + time + "?" : "What day would you like to come in at " + time + "?";
    }

    String time(String day) {
        return brief ? "What time on " + day + "?" : "What time on " + day + " works for you?";
    }

    /** The spoken offer after a keypad offer went unanswered (short wording only): one block with the answer. */
    String offerAgain(String times, int count) {
        return "Nearest free: " + times + (count == 1 ? ". Say yes, or tell me another time."
                : ". Say the first or the second, or tell me another time.");
    }

    /** The read-back on the keypad: "press 1 to book" is what the caller can act on without speaking. */
    String readBackKeypad(String name, String when, String number) {
        return name + ", " + when + (number == null ? "" : ", reaching you at " + number) + ". Press 1 to book, or 2 to change.";
    }

    String readBack(String name, String when, String number) {
        String at = number == null ? "the number you're calling from" : number;
        return brief ? "Shall I book " + name + " for " + when + "? Say yes or press 1, or say no or press 2."
                : "To confirm: an appointment for " + name + " on " + when + ", and we'll reach you at " + at
                        + ". Shall I book it? Say yes or press 1, or say no or press 2.";
    }

    String change(boolean keepsAnswers) {
        return keepsAnswers ? "No problem. What should I change? Say the new day and time, or your name."
                : "No problem. What day and time would suit you better?"
                        + " If I got your name or number wrong, just tell me the right one.";
    }
}
