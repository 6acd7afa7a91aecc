package dev.bella.booking.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where one call stands, stored as JSON in {@code calls.state} after every webhook so that any service
 * instance can answer the next one. Null fields are not known yet.
 *
 * @param phoneFromCaller the phone is the caller's own number (offered for confirmation), not one they said
 * @param offered         free times offered as alternatives, in the order they were read out
 * @param reprompts       consecutive turns that gave nothing usable
 * @param nameOnFile      the name is the one stored for the caller's own number (a returning caller), not said
 * @param speaks          the caller let a keypad-only question go by without a key (a "yes" said to "press 1"),
 *                        in this call or their last one: yes/no and choices are asked with speech, not a keypad
 *                        round first; a key pressed later clears it
 */
public record Conversation(Stage stage, String name, String phone, boolean phoneFromCaller, LocalDate date,
                           LocalTime time, List<Instant> offered, int reprompts, int turn, Long appointmentId,
                           boolean nameOnFile, boolean speaks) {

    public enum Stage { COLLECTING, CONFIRMING, DONE }

    private static final Pattern E164 = Pattern.compile("\\+\\d{8,15}");
    /**
     * What Twilio puts in From when the caller withheld their number: the words spelled on a keypad (ANONYMOUS,
     * RESTRICTED, UNAVAILABLE, UNKNOWN, BLANK). The first three look like E.164 numbers, and every such caller
     * shares one: taken as a caller ID, one anonymous caller would be greeted by another's name and booked
     * under their contact.
     */
    private static final Set<String> WITHHELD = Set.of("+266696687", "+7378742833", "+86282452253", "+8656696",
            "+2562533");

    public Conversation {
        offered = offered == null ? List.of() : List.copyOf(offered);
    }

    static Conversation start(String callerNumber) {
        boolean usable = usableNumber(callerNumber);
        return new Conversation(Stage.COLLECTING, null, usable ? callerNumber : null, usable, null, null, List.of(),
                0, 0, null, false, false);
    }

    /**
     * A returning caller: the name stored for their own number, which they may still correct, and whether they
     * answered yes/no by speech last time.
     */
    static Conversation returning(String callerNumber, String storedName, boolean speaks) {
        return new Conversation(Stage.COLLECTING, storedName, callerNumber, true, null, null, List.of(), 0, 0, null,
                true, speaks);
    }

    static boolean usableNumber(String callerNumber) {
        return callerNumber != null && E164.matcher(callerNumber).matches() && !WITHHELD.contains(callerNumber);
    }

    /** The caller's own number when it is one the call can use ("use this number", recognition), else null. */
    static String callerId(String from) {
        return usableNumber(from) ? from : null;
    }

    Conversation nextTurn() {
        return new Conversation(stage, name, phone, phoneFromCaller, date, time, offered, reprompts, turn + 1,
                appointmentId, nameOnFile, speaks);
    }

    Conversation withStage(Stage s) {
        return new Conversation(s, name, phone, phoneFromCaller, date, time, offered, reprompts, turn,
                appointmentId, nameOnFile, speaks);
    }

    Conversation withName(String n) {
        boolean same = n != null && n.equals(name);
        return new Conversation(stage, n, phone, phoneFromCaller, date, time, offered, reprompts, turn, appointmentId,
                nameOnFile && same, speaks);
    }

    Conversation withPhone(String p, boolean fromCaller) {
        return new Conversation(stage, name, p, fromCaller, date, time, offered, reprompts, turn,
                appointmentId, nameOnFile, speaks);
    }

    Conversation withWhen(LocalDate d, LocalTime t) {
        return new Conversation(stage, name, phone, phoneFromCaller, d, t, offered, reprompts, turn,
                appointmentId, nameOnFile, speaks);
    }

    Conversation withOffered(List<Instant> o) {
        return new Conversation(stage, name, phone, phoneFromCaller, date, time, o, reprompts, turn,
                appointmentId, nameOnFile, speaks);
    }

    Conversation withReprompts(int r) {
        return new Conversation(stage, name, phone, phoneFromCaller, date, time, offered, r, turn,
                appointmentId, nameOnFile, speaks);
    }

    Conversation withSpeaks(boolean bySpeech) {
        return new Conversation(stage, name, phone, phoneFromCaller, date, time, offered, reprompts, turn, appointmentId,
                nameOnFile, bySpeech);
    }

    Conversation booked(long id) {
        return new Conversation(Stage.DONE, name, phone, phoneFromCaller, date, time, List.of(), 0, turn, id,
                nameOnFile, speaks);
    }
}
