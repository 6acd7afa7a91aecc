package dev.bella.booking.voice;

import dev.bella.booking.config.CallFlow;
import dev.bella.booking.config.SpokenTime;
import dev.bella.booking.extract.CallContext;
import dev.bella.booking.extract.Extracted;
import dev.bella.booking.extract.Extraction;
import dev.bella.booking.extract.BareName;
import dev.bella.booking.extract.Extractor;
import dev.bella.booking.extract.KeyedNumber;
import dev.bella.booking.ledger.CallLedger.Usage;
import dev.bella.booking.store.BookingStore.BookResult;
import dev.bella.booking.voice.Conversation.Stage;
import dev.bella.booking.voice.Reply.Ask;
import dev.bella.booking.voice.Reply.Goodbye;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The conversation, one turn at a time: merge what the caller said into what the call already has, ask
 * only for what is missing, check the wished time, read back, book. Pure decisions over a
 * {@link Calendar}; the transaction, idempotency and TwiML are the {@link VoiceService}'s.
 */
final class VoiceFlow {

    /**
     * Answers a call may take before the callback promise ends it: six is the most the call-cost corpus needs
     * (several corrections included), so twenty leaves room while capping what a call that never settles (or a
     * caller who keeps it going on purpose) costs in minutes and speech recognition.
     */
    static final int MAX_TURNS = 20;
    /** Below this an extracted field is not trusted enough to overwrite what the call has. */
    static final double MIN_CONFIDENCE = 0.5;
    /** Said to Twilio's speech recogniser as likely words: weekdays, months and times (fewer misheard turns). */
    static final String HINTS = "Monday, Tuesday, Wednesday, Thursday, Friday, tomorrow, morning, afternoon, noon,"
            + " a.m., p.m., o'clock, half past, quarter past, January, February, March, April, May, June, July,"
            + " August, September, October, November, December";
    private static final String YES_NO = "Say yes or press 1, or say no or press 2.";
    private static final Pattern KEY_1_TO_9 = Pattern.compile("[1-9]");
    private static final Pattern SAID_FIRST = Pattern.compile(".*\\b(first|earlier)\\b.*");
    private static final Pattern SAID_SECOND = Pattern.compile(".*\\b(second|later|last)\\b.*");
    private static final Pattern NON_DIGIT = Pattern.compile("\\D");

    record Input(String speech, String digits) {
        Input {
            speech = speech == null ? "" : speech.trim();
            digits = digits == null ? "" : digits.trim();
        }

        boolean empty() {
            return speech.isEmpty() && digits.isEmpty();
        }
    }

    record Step(Conversation state, Reply reply, Usage usage) {
    }

    private final Extractor extractor;
    private final Slots slots;
    private final ZoneId zone;
    private final CallFlow settings;
    private final Prompts say;

    VoiceFlow(Extractor extractor, Slots slots, ZoneId zone, CallFlow settings) {
        this.extractor = extractor;
        this.slots = slots;
        this.zone = zone;
        this.settings = settings;
        this.say = new Prompts(settings.shortPrompts());
    }

    /** The first question: a returning caller is greeted by name and asked only for the day and time. */
    Ask greeting(Conversation start) {
        return new Ask(start.nameOnFile() ? say.welcomeBack(firstName(start)) : say.greeting());
    }

    /** Speech hints for a speech Gather of this call: the fixed words, and the name on file when there is one. */
    String hints(Conversation s) {
        if (!settings.speechHints()) {
            return null;
        }
        return s.name() == null ? HINTS : s.name() + ", " + HINTS;
    }

    Step next(Conversation previous, Input in, CallContext ctx, Calendar cal) throws SQLException {
        return next(previous, in, in.speech().isEmpty() ? Extraction.EMPTY : extractor.extract(in.speech(), ctx), ctx, cal);
    }

    /** One turn with the speech already extracted (under the turn's deadline, outside the transaction). */
    Step next(Conversation previous, Input in, Extraction extracted, CallContext ctx, Calendar cal) throws SQLException {
        Conversation s = previous.nextTurn();
        if (s.stage() != Stage.DONE && s.turn() > MAX_TURNS) {
            return new Step(s.withStage(Stage.DONE), callback(s, cal, "no booking after " + MAX_TURNS + " answers",
                    "I'm sorry, this is taking longer than it should."), extracted.usage());
        }
        if (s.speaks() && !in.digits().isEmpty()) {
            s = s.withSpeaks(false);  // a caller who presses keys after all gets the keypad (no speech charge) again
        }
        Extraction x = extracted;
        if (s.stage() == Stage.COLLECTING && s.name() == null && x.isEmpty()) {
            // every question asks for the name while it is missing, so a bare "Priya Patel." answers it
            x = x.withName(BareName.in(in.speech()));
        }
        Turn t = switch (s.stage()) {
            case DONE -> new Turn(s, new Goodbye("Thank you for calling. Goodbye."));
            case CONFIRMING -> confirming(s, in, x, ctx, cal);
            case COLLECTING -> collecting(s, in, x, ctx, cal);
        };
        return new Step(t.state, t.reply, x.usage());
    }

    private record Turn(Conversation state, Reply reply) {
    }

    private Turn confirming(Conversation s, Input in, Extraction x, CallContext ctx, Calendar cal) throws SQLException {
        Optional<Boolean> answer = keypadAnswer(in).or(() -> trusted(x.answer()));
        if (answer.equals(Optional.of(true))) {
            return book(s, ctx, cal);
        }
        if (answer.equals(Optional.of(false))) {
            // the keypad flow keeps what the call has, so "2" then "make it 4 pm" changes only the time
            Conversation back = s.withStage(Stage.COLLECTING).withReprompts(0);
            return new Turn(settings.keypadConfirm() ? back : back.withWhen(null, null),
                    new Ask(say.change(settings.keypadConfirm())));
        }
        Merge m = merge(s, x);
        if (m.changed) {
            // the caller corrected something instead of answering yes or no: check and read back again
            return evaluate(m.state.withStage(Stage.COLLECTING).withReprompts(0), ctx, cal);
        }
        // after a keypad read-back went unanswered, listen for speech too: the caller may not have pressed a key
        return reprompt(unanswered(s, in), settings.shortPrompts() ? readBack(s, false) : "Shall I book it? " + YES_NO,
                cal);
    }

    private Turn collecting(Conversation s, Input in, Extraction x, CallContext ctx, Calendar cal) throws SQLException {
        boolean keypadAsked = !s.offered().isEmpty() || numberAsked(s);
        if (in.empty()) {
            return reprompt(keypadAsked ? unanswered(s, in) : s, missingQuestion(s), cal);
        }
        if (numberAsked(s) && !in.digits().isEmpty()) {
            Optional<Extracted<String>> keyed = KeyedNumber.parse(in.digits(), ctx.callerNumber())
                    .filter(VoiceFlow::trustedEnough);
            if (keyed.isEmpty()) {
                return reprompt(s, say.phoneKeysAgain(), Reply.Listen.DIGITS, cal);
            }
            return evaluate(s.withPhone(keyed.get().value(), false).withReprompts(0), ctx, cal);
        }
        Conversation next = s;
        boolean progressed = false;
        if (settings.keypadConfirm() && !s.offered().isEmpty()
                && in.digits().equals(String.valueOf(s.offered().size() + 1))) {
            return new Turn(s.withOffered(List.of()).withReprompts(0),
                    new Ask("All right. What other day and time would work for you?"));
        }
        if (!s.offered().isEmpty()) {
            Optional<Instant> chosen = chosenAlternative(s.offered(), in, x);
            if (chosen.isPresent()) {
                ZonedDateTime z = chosen.get().atZone(zone);
                next = next.withWhen(z.toLocalDate(), z.toLocalTime()).withOffered(List.of());
                progressed = true;
                // "the first one" is a choice, not "the 1st at one": the grammar's reading must not override it
                x = x.withoutWhen();
            } else if (trusted(x.answer()).equals(Optional.of(false))) {
                return new Turn(s.withOffered(List.of()).withReprompts(0),
                        new Ask("All right. What other day and time would work for you?"));
            }
        }
        Merge m = merge(next, x);
        if (!progressed && !m.changed) {
            return reprompt(s, missingQuestion(s), cal);
        }
        return evaluate(m.state.withOffered(m.state.date() != null && m.state.time() != null ? List.of()
                : m.state.offered()).withReprompts(0), ctx, cal);
    }

    /** Checks the wished time when there is one, then asks for what is missing or reads back. */
    private Turn evaluate(Conversation s, CallContext ctx, Calendar cal) throws SQLException {
        if (s.date() != null && s.time() != null) {
            Instant start = s.date().atTime(s.time()).atZone(zone).toInstant();
            Optional<Slots.Problem> problem = slots.problem(start, ctx.reference());
            List<dev.bella.booking.store.BookingStore.Range> booked =
                    cal.booked(start.minus(Slots.SEARCH).minus(slots.length()), start.plus(Slots.SEARCH).plus(slots.length()));
            if (problem.isPresent() || !Slots.free(start, start.plus(slots.length()), booked)) {
                List<Instant> alternatives = slots.nearestFree(start, ctx.reference(), booked, 2);
                String why = switch (problem.orElse(null)) {
                    case PAST -> "That time has already passed.";
                    case CLOSED -> "We're open " + slots.hours().spoken() + ".";
                    case null -> "Sorry, " + when(start) + " is already taken.";
                };
                return new Turn(s.withWhen(null, null).withOffered(alternatives), offering(s, why, alternatives));
            }
        }
        boolean noWhen = s.date() == null && s.time() == null;
        if (s.name() == null && noWhen) {
            return new Turn(s, new Ask(say.nameAndWhen()));
        }
        if (s.name() == null) {
            return new Turn(s, new Ask(say.name()));
        }
        if (s.phone() == null) {
            return new Turn(s, keypadFirst(s) ? new Ask(say.phoneKeys(), Reply.Listen.DIGITS, false) : new Ask(say.phone()));
        }
        if (noWhen) {
            return new Turn(s, new Ask(say.when(firstName(s))));
        }
        if (s.date() == null) {
            return new Turn(s, new Ask(say.day(SpokenTime.of(s.time()))));
        }
        if (s.time() == null) {
            return new Turn(s, new Ask(say.time(day(s.date()))));
        }
        Conversation confirming = s.withStage(Stage.CONFIRMING);
        return new Turn(confirming, keypadFirst(s)
                ? new Ask(readBack(s, true), Reply.Listen.KEYPAD, false)
                : new Ask(readBack(s, false)));
    }

    /**
     * Whether this call's yes/no, choices and number go to the keypad first: the lever is on and the caller uses
     * keys.
     */
    private boolean keypadFirst(Conversation s) {
        return settings.keypadConfirm() && !s.speaks();
    }

    /**
     * Nothing came back from a keypad-only question (a "yes" said to "press 1" is heard as silence): from now on
     * this call asks by speech. Each such question then costs the one speech Gather its fallback costs anyway,
     * without the wasted keypad round and its "sorry, I missed that".
     */
    private Conversation unanswered(Conversation s, Input in) {
        return keypadFirst(s) && in.empty() ? s.withSpeaks(true) : s;
    }

    private String readBack(Conversation s, boolean keypad) {
        Instant start = s.date().atTime(s.time()).atZone(zone).toInstant();
        if (keypad) {
            return say.readBackKeypad(s.name(), when(start), s.phoneFromCaller() ? null
                    : "the number ending in " + lastFour(s.phone()));
        }
        if (settings.shortPrompts()) {
            return say.readBack(s.name(), when(start), null);
        }
        String number = s.phoneFromCaller() ? "the number you're calling from, ending in " + lastFour(s.phone())
                : "the number ending in " + lastFour(s.phone());
        return say.readBack(s.name(), when(start), number);
    }

    private Turn book(Conversation s, CallContext ctx, Calendar cal) throws SQLException {
        Instant start = s.date().atTime(s.time()).atZone(zone).toInstant();
        BookResult result = cal.book(s.name(), s.phone(), start, start.plus(slots.length()));
        if (result instanceof BookResult.Booked && settings.keypadConfirm()) {
            cal.rememberAnswers(s.speaks());
        }
        return switch (result) {
            case BookResult.Booked b -> new Turn(s.booked(b.appointmentId()), new Goodbye("You're booked for "
                    + when(start) + ". We'll see you then, " + firstName(s) + ". Goodbye!"));
            case BookResult.Taken t -> {
                List<Instant> alternatives = slots.nearestFree(start, ctx.reference(),
                        cal.booked(start.minus(Slots.SEARCH), start.plus(Slots.SEARCH)), 2);
                yield new Turn(s.withStage(Stage.COLLECTING).withWhen(null, null).withOffered(alternatives),
                        offering(s, "Sorry, someone just booked that time.", alternatives));
            }
        };
    }

    /**
     * The question {@link #evaluate} asks once the name is known and before anything else: the number to reach a
     * caller without a usable caller ID (on the keypad when {@link #keypadFirst}). A taken time is offered first.
     */
    private static boolean numberAsked(Conversation s) {
        return s.name() != null && s.phone() == null && s.offered().isEmpty();
    }

    private Turn reprompt(Conversation s, String question, Calendar cal) throws SQLException {
        return reprompt(s, question, Reply.Listen.SPEECH, cal);
    }

    private Turn reprompt(Conversation s, String question, Reply.Listen listen, Calendar cal) throws SQLException {
        if (s.reprompts() >= settings.maxReprompts()) {
            return new Turn(s.withStage(Stage.DONE), callback(s, cal, "no usable answer after "
                    + settings.maxReprompts() + " re-prompts", "I'm sorry, I'm having trouble understanding."));
        }
        return new Turn(s.withReprompts(s.reprompts() + 1), new Ask(listen == Reply.Listen.SPEECH ? say.sorry() + question
                : question, listen, true));
    }

    /** Ends the call with the promise that someone calls back, recorded with its reason. */
    private static Goodbye callback(Conversation s, Calendar cal, String reason, String apology) throws SQLException {
        cal.promiseCallback(s.phone(), reason);
        String at = s.phone() == null ? "" : " at the number ending in " + lastFour(s.phone());
        return new Goodbye(apology + " Someone from our team will call you back" + at + " as soon as possible. Goodbye.");
    }

    private String missingQuestion(Conversation s) {
        if (s.name() == null && s.date() == null && s.time() == null) {
            return say.missingAll();
        }
        if (s.name() == null) {
            return say.nameAgain();
        }
        if (s.phone() == null) {
            return say.phone();
        }
        if (!s.offered().isEmpty()) {
            // the caller heard the times a moment ago (the keypad offer); said again in full they pushed this
            // speech Gather past one 15 s block
            return settings.shortPrompts() ? say.offerAgain(offered(s.offered()), s.offered().size())
                    : "Which time would you like?" + offer(s.offered());
        }
        return say.whenAgain();
    }

    private record Merge(Conversation state, boolean changed) {
    }

    private static Merge merge(Conversation s, Extraction x) {
        Conversation m = s;
        Optional<Extracted<String>> name = x.name().filter(VoiceFlow::trustedEnough);
        if (name.isPresent()) {
            m = m.withName(name.get().value());
        }
        Optional<Extracted<String>> phone = x.phone().filter(VoiceFlow::trustedEnough);
        if (phone.isPresent()) {
            m = m.withPhone(phone.get().value(), false);
        }
        var date = x.date().filter(VoiceFlow::trustedEnough).map(Extracted::value).orElse(m.date());
        var time = x.time().filter(VoiceFlow::trustedEnough).map(Extracted::value).orElse(m.time());
        m = m.withWhen(date, time);
        return new Merge(m, !m.equals(s));
    }

    private static boolean trustedEnough(Extracted<?> e) {
        return e.confidence() >= MIN_CONFIDENCE;
    }

    private static Optional<Boolean> trusted(Optional<Extracted<Boolean>> answer) {
        return answer.filter(VoiceFlow::trustedEnough).map(Extracted::value);
    }

    private static Optional<Boolean> keypadAnswer(Input in) {
        return switch (in.digits()) {
            case "1" -> Optional.of(true);
            case "2" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Optional<Instant> chosenAlternative(List<Instant> offered, Input in, Extraction x) {
        int index = -1;
        String said = in.speech().toLowerCase(Locale.ROOT);
        if (KEY_1_TO_9.matcher(in.digits()).matches()) {
            index = Integer.parseInt(in.digits()) - 1;
        } else if (SAID_FIRST.matcher(said).matches()) {
            index = 0;
        } else if (SAID_SECOND.matcher(said).matches()) {
            index = 1;
        } else if (offered.size() == 1 && trusted(x.answer()).equals(Optional.of(true))) {
            index = 0;
        }
        return index >= 0 && index < offered.size() ? Optional.of(offered.get(index)) : Optional.empty();
    }

    /**
     * Other times, on the keypad when the keypad lever is on (no speech charge): 1 or 2 picks one, the next key
     * asks for another time. No key falls back to the spoken offer as a re-prompt.
     */
    private Ask offering(Conversation s, String why, List<Instant> alternatives) {
        if (!settings.keypadConfirm() || alternatives.isEmpty()) {
            return new Ask(why + offer(alternatives));
        }
        if (s.speaks()) {
            return new Ask(why + " " + say.offerAgain(offered(alternatives), alternatives.size()));
        }
        String keys = alternatives.size() == 1
                ? " Nearest free: " + when(alternatives.get(0)) + ". Press 1 to take it, or 2 for another time."
                : " Nearest free: " + when(alternatives.get(0)) + ", or " + when(alternatives.get(1))
                        + ". Press 1 or 2, or 3 for another time.";
        return new Ask(why + keys, Reply.Listen.KEYPAD, false);
    }

    private String offer(List<Instant> alternatives) {
        return switch (alternatives.size()) {
            case 0 -> " I don't have anything free near then. What other day would work for you?";
            case 1 -> " The nearest free time is " + when(alternatives.get(0))
                    + ". Would that work? Say yes or press 1, or tell me another time.";
            default -> " The nearest free times are " + when(alternatives.get(0)) + ", or " + when(alternatives.get(1))
                    + ". Say the first or press 1, say the second or press 2, or tell me another time.";
        };
    }

    /** The offered times, the day said once when they share it: "Thursday, January 3 at 2:30 PM, or 3:30 PM". */
    private String offered(List<Instant> alternatives) {
        ZonedDateTime first = alternatives.get(0).atZone(zone);
        StringBuilder b = new StringBuilder(when(alternatives.get(0)));
        for (Instant other : alternatives.subList(1, alternatives.size())) {
            ZonedDateTime z = other.atZone(zone);
            boolean sameDay = z.toLocalDate().equals(first.toLocalDate());
            b.append(", or ").append(sameDay ? SpokenTime.of(z.toLocalTime()) : when(other));
        }
        return b.toString();
    }

    String when(Instant start) {
        ZonedDateTime z = start.atZone(zone);
        return day(z.toLocalDate()) + " at " + SpokenTime.of(z.toLocalTime());
    }

    private static String day(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", "
                + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getDayOfMonth();
    }

    private static String firstName(Conversation s) {
        return s.name().split(" ")[0];
    }

    static String lastFour(String phone) {
        String digits = NON_DIGIT.matcher(phone).replaceAll("");
        return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
    }
}
