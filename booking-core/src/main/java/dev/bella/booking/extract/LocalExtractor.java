package dev.bella.booking.extract;

import dev.bella.booking.extract.ExtractionResult.DayPart;
import dev.bella.booking.extract.Tokens.Kind;
import dev.bella.booking.extract.Tokens.Token;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local tier: name, phone, date, time and service from one utterance, each with a confidence, in well under a
 * millisecond and without any network. Thread-safe and stateless.
 *
 * <p>When a field is said more than once the last reading wins (callers correct themselves: "Tuesday, no,
 * Thursday"), readings after a negation are dropped ("not Tuesday", "I can't do 3"), and two readings joined by
 * "or" are left to the caller (low confidence, unresolved).
 */
public final class LocalExtractor {

    /** Below this a field is worth a second opinion (the LLM tier), and the call flow should confirm it. */
    public static final double CONFIDENT = 0.7;

    private static final Set<String> NEGATIONS = Set.of("not", "can't", "cant", "cannot", "don't", "dont", "won't",
            "wont", "isn't", "doesn't", "wouldn't", "couldn't", "except", "besides", "instead", "than", "never", "busy");
    private static final Set<String> CORRECTIONS = Set.of("no", "nope", "actually", "sorry", "wait", "mean", "meant",
            "rather", "make", "change", "scratch", "correction", "instead", "oops", "better", "switch");
    private static final Set<String> FILLERS = Set.of("um", "uh", "er", "hmm", "how", "about", "maybe", "say", "lets",
            "let's", "please", "works", "work", "ok", "okay", "then", "sure", "yes", "yeah", "oh", "would", "be", "great",
            "is", "fine", "good", "that", "at", "around", "perfect", "o'clock", "oclock", "the", "for");
    private static final Set<String> DATE_CUES = Set.of("week", "weekend", "month", "holiday", "christmas", "easter",
            "thanksgiving", "fortnight", "date", "birthday", "day");
    private static final Set<String> TIME_CUES = Set.of("lunch", "lunchtime", "early", "late", "later", "earlier",
            "asap", "time", "oclock", "am", "pm", "quarter", "half");
    private static final Map<String, String> SERVICES = Map.ofEntries(
            Map.entry("haircut", "haircut"), Map.entry("trim", "trim"), Map.entry("cleaning", "cleaning"),
            Map.entry("checkup", "checkup"), Map.entry("consultation", "consultation"),
            Map.entry("consult", "consultation"), Map.entry("massage", "massage"), Map.entry("manicure", "manicure"),
            Map.entry("pedicure", "pedicure"), Map.entry("facial", "facial"), Map.entry("colour", "color"),
            Map.entry("color", "color"), Map.entry("highlights", "highlights"), Map.entry("physio", "physiotherapy"),
            Map.entry("physiotherapy", "physiotherapy"), Map.entry("exam", "exam"), Map.entry("filling", "filling"),
            Map.entry("vaccination", "vaccination"), Map.entry("vaccine", "vaccination"), Map.entry("shave", "shave"),
            Map.entry("waxing", "waxing"), Map.entry("tune", "tune-up"), Map.entry("estimate", "estimate"));

    public ExtractionResult extract(String utterance, UtteranceContext ctx) {
        List<Token> ts = Tokens.of(utterance == null ? "" : utterance);
        boolean[] used = new boolean[ts.size()];
        List<Mention> phones = new ArrayList<>();
        EnumSet<Field> unresolved = EnumSet.noneOf(Field.class);
        if (PhoneGrammar.find(ts, ctx, used, phones)) unresolved.add(Field.PHONE);

        List<Mention> names = new ArrayList<>();
        NameGrammar.find(ts, names);

        LocalDate today = ctx.today();
        List<Mention> dates = new ArrayList<>(), clocks = new ArrayList<>();
        DayPart part = null;
        boolean lone = lone(ts);
        int lastDateEnd = -1;
        for (int i = 0; i < ts.size(); i++) {
            if (used[i]) continue;
            Mention d = DateGrammar.at(ts, i, today);
            if (d != null) {
                dates.add(d);
                lastDateEnd = d.end();
                for (int k = i; k < d.end(); k++) {
                    DayPart p = TimeGrammar.dayPart(ts, k);
                    if (p != null) part = p;
                }
                i = d.end() - 1;
                continue;
            }
            Mention c = TimeGrammar.at(ts, i, i == lastDateEnd, lone);
            if (c != null && !overlapsUsed(used, c)) {
                clocks.add(c);
                i = c.end() - 1;
                continue;
            }
            DayPart p = TimeGrammar.dayPart(ts, i);
            if (p != null) part = p;
        }

        Map<Field, Double> conf = new EnumMap<>(Field.class);
        String name = pick(ts, names, Field.NAME, conf, unresolved);
        String phone = pick(ts, phones, Field.PHONE, conf, unresolved);
        LocalDate date = pick(ts, dates, Field.DATE, conf, unresolved);
        List<Mention> times = new ArrayList<>(clocks.size());
        for (Mention c : clocks) times.add(TimeGrammar.resolve(c, part, ctx.hours()));
        java.time.LocalTime time = pick(ts, times, Field.TIME, conf, unresolved);
        String service = null;
        for (Token t : ts) {
            String s = t.kind() == Kind.WORD ? SERVICES.get(t.text()) : null;
            if (s != null) { service = s; conf.put(Field.SERVICE, 0.9); }
        }
        if (date == null && dates.isEmpty() && cue(ts, used, DATE_CUES, DateGrammar.MONTHS.keySet())) unresolved.add(Field.DATE);
        if (time == null && clocks.isEmpty() && part == null && cue(ts, used, TIME_CUES, Set.of())) unresolved.add(Field.TIME);
        if (name == null && names.isEmpty() && nameCue(ts)) unresolved.add(Field.NAME);
        return new ExtractionResult(name, phone, date, time, service, time == null ? part : null, conf, unresolved,
                Tier.LOCAL, TokenUsage.NONE);
    }

    /** The whole turn is one number, give or take filler ("um, three please"): it answers "what time?". */
    private static boolean lone(List<Token> ts) {
        int numbers = 0;
        for (int i = 0; i < ts.size(); i++) {
            Token t = ts.get(i);
            if (t.kind() == Kind.NUMBER || t.kind() == Kind.CLOCK) {
                numbers++;
                // "three thirty", "ten oh five" are one time
                if (i + 1 < ts.size() && ts.get(i + 1).kind() == Kind.NUMBER && ts.get(i + 1).digits() == 2) i++;
                else if (i + 2 < ts.size() && ts.get(i + 1).isAny("oh", "o") && ts.get(i + 2).kind() == Kind.NUMBER) i += 2;
            } else if (!(t.kind() == Kind.WORD && FILLERS.contains(t.text()))) return false;
        }
        return numbers == 1;
    }

    private static boolean overlapsUsed(boolean[] used, Mention m) {
        for (int k = m.start(); k < m.end() && k < used.length; k++) if (used[k]) return true;
        return false;
    }

    /** Last reading wins after dropping negated ones; a different earlier reading without a correction lowers confidence. */
    @SuppressWarnings("unchecked")
    private static <T> T pick(List<Token> ts, List<Mention> ms, Field f, Map<Field, Double> conf, Set<Field> unresolved) {
        List<Mention> kept = new ArrayList<>(ms.size());
        int prevEnd = 0;
        for (Mention m : ms) {
            int nextStart = ms.indexOf(m) + 1 < ms.size() ? ms.get(ms.indexOf(m) + 1).start() : ts.size();
            if (!negated(ts, Math.max(prevEnd, m.start() - 3), m.start()) && !refused(ts, m.end(), nextStart)) kept.add(m);
            prevEnd = m.end();
        }
        if (kept.isEmpty()) return null;
        Mention last = kept.get(kept.size() - 1);
        double c = last.confidence();
        for (Mention m : kept) {
            if (m.value().equals(last.value())) continue;
            if (between(ts, m.end(), last.start(), "or")) {
                unresolved.add(f);   // "Tuesday or Wednesday": the caller has not chosen yet
                return null;
            }
            else if (!betweenAny(ts, m.end(), last.start(), CORRECTIONS)) c = Math.min(c, 0.6);
            else c = Math.min(c, 0.9);
        }
        conf.put(f, c);
        return (T) last.value();
    }

    /** A negation word in the few tokens before a reading (and after the previous one) drops it. */
    private static boolean negated(List<Token> ts, int from, int start) {
        for (int k = Math.max(0, from); k < start; k++) {
            Token t = ts.get(k);
            if (t.kind() == Kind.WORD && (NEGATIONS.contains(t.text()) || t.text().endsWith("n't"))) {
                // "not until Thursday", "why not Thursday" still name Thursday as wanted
                if (k + 1 < ts.size() && ts.get(k + 1).isAny("until", "till", "before", "later", "earlier")) continue;
                return true;
            }
        }
        return false;
    }

    /** "Thursday doesn't work for me", "3 won't work": the reading is refused right after it is said. */
    private static boolean refused(List<Token> ts, int end, int nextStart) {
        for (int k = end; k < Math.min(end + 3, nextStart); k++) {
            if (ts.get(k).isAny("doesn't", "doesnt", "won't", "wont", "isn't", "wouldn't", "can't", "cannot")) return true;
        }
        return false;
    }

    private static boolean between(List<Token> ts, int from, int to, String w) {
        for (int k = Math.max(0, from); k < to && k < ts.size(); k++) if (ts.get(k).is(w)) return true;
        return false;
    }

    private static boolean betweenAny(List<Token> ts, int from, int to, Set<String> ws) {
        for (int k = Math.max(0, from); k < to && k < ts.size(); k++) {
            if (ts.get(k).kind() == Kind.WORD && ws.contains(ts.get(k).text())) return true;
        }
        return false;
    }

    private static boolean cue(List<Token> ts, boolean[] used, Set<String> words, Set<String> more) {
        for (int k = 0; k < ts.size(); k++) {
            Token t = ts.get(k);
            if (used[k] || t.kind() != Kind.WORD) continue;
            if (t.is("may") || t.is("mon") || t.is("sat") || t.is("sun")) continue;
            if (words.contains(t.text()) || more.contains(t.text())) return true;
        }
        return false;
    }

    /** "my name is" with nothing usable after it: worth asking the LLM (a spelled or unusual name). */
    private static boolean nameCue(List<Token> ts) {
        for (int k = 0; k + 1 < ts.size(); k++) {
            if (ts.get(k).is("name") && (ts.get(k + 1).is("is") || ts.get(k + 1).is("it's"))) return true;
            if (ts.get(k).is("name's")) return true;
        }
        return false;
    }
}
