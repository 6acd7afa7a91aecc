package dev.bella.booking.extract;

import dev.bella.booking.extract.ExtractionResult.DayPart;
import static dev.bella.booking.extract.Tokens.is;
import static dev.bella.booking.extract.Tokens.isAny;
import static dev.bella.booking.extract.Tokens.kind;

import dev.bella.booking.extract.Tokens.Kind;
import dev.bella.booking.extract.Tokens.Token;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Times of day: "3 pm", "3:30", "three thirty", "half past three", "quarter to 4", "ten past 2", "noon",
 * "midnight", "at 3", "4 o'clock", 24-hour "15:00". An hour without am/pm is kept as a {@link Clock} with no
 * meridiem and resolved later against the day part said elsewhere ("in the afternoon", "tonight") or, failing
 * that, business hours, with a lower confidence.
 */
final class TimeGrammar {

    enum Meridiem { AM, PM, NONE }

    /** A time as said: hour 0-23, minute, and whether am/pm was given. */
    record Clock(int hour, int minute, Meridiem meridiem) {}

    private static final Set<String> LEADS = Set.of("at", "around", "about", "say", "for", "from", "by", "until", "til",
            "till", "like", "maybe", "approximately", "roughly", "@", "mean", "meant", "actually", "wait",
            "rather", "instead", "no");
    private static final Set<String> NOT_TIME_AFTER = Set.of("people", "persons", "of", "minutes", "minute", "hours",
            "hour", "days", "day", "weeks", "week", "months", "month", "years", "year", "kids", "children", "adults",
            "us", "times", "appointments", "slots", "guests", "dollars", "bucks", "percent", "th", "st");

    private TimeGrammar() {}

    /** Tries the time rules at token i; the mention's value is a {@link Clock}. */
    static Mention at(List<Token> ts, int i, boolean afterDate, boolean lone) {
        Token t = ts.get(i);
        if (t.isAny("noon", "midday")) return m(new Clock(12, 0, Meridiem.PM), i, i + 1, 0.95);
        if (t.is("midnight")) return m(new Clock(0, 0, Meridiem.AM), i, i + 1, 0.9);
        if (t.is("half") && is(ts, i + 1, "past") && hour(ts, i + 2)) {
            return withMeridiem(ts, i, i + 3, ts.get(i + 2).value(), 30);
        }
        if (t.is("quarter") && isAny(ts, i + 1, "past", "after") && hour(ts, i + 2)) {
            return withMeridiem(ts, i, i + 3, ts.get(i + 2).value(), 15);
        }
        if (t.is("quarter") && isAny(ts, i + 1, "to", "til", "till", "of", "before") && hour(ts, i + 2)) {
            return withMeridiem(ts, i, i + 3, before(ts.get(i + 2).value()), 45);
        }
        if (t.kind() == Kind.NUMBER && t.value() >= 1 && t.value() <= 29 && isAny(ts, i + 1, "past", "after", "to", "til")
                && hour(ts, i + 2) && !isAny(ts, i + 3, "people")) {
            boolean to = isAny(ts, i + 1, "to", "til");
            if (to && !(t.value() == 5 || t.value() == 10 || t.value() == 20 || t.value() == 25)) return null;
            if (!to && !(t.value() % 5 == 0)) return null;
            int h = ts.get(i + 2).value(), min = t.value();
            return to ? withMeridiem(ts, i, i + 3, before(h), 60 - min) : withMeridiem(ts, i, i + 3, h, min);
        }
        if (t.kind() == Kind.CLOCK) {
            int h = t.value() / 60, min = t.value() % 60;
            if (h > 23) return null;
            return withMeridiem(ts, i, i + 1, h, min);
        }
        if (t.kind() != Kind.NUMBER || t.digits() > 2) return null;
        int h = t.value();
        if (h > 23) return null;
        // "three thirty", "three oh five", "at 3 45"
        int minute = -1, end = i + 1;
        if (kind(ts, i + 1, Kind.NUMBER) && ts.get(i + 1).digits() == 2 && ts.get(i + 1).value() < 60
                && (ts.get(i + 1).value() >= 10 || ts.get(i + 1).text().startsWith("0"))) {
            minute = ts.get(i + 1).value();
            end = i + 2;
        } else if (isAny(ts, i + 1, "oh", "o") && kind(ts, i + 2, Kind.NUMBER) && ts.get(i + 2).value() < 10) {
            minute = ts.get(i + 2).value();
            end = i + 3;
        }
        boolean lead = i > 0 && ts.get(i - 1).kind() == Kind.WORD && LEADS.contains(ts.get(i - 1).text())
                || (i > 1 && ts.get(i - 1).is("it") && ts.get(i - 2).isAny("make", "makes"));
        boolean marked = isAny(ts, end, "am", "pm", "oclock") || (is(ts, end, "in") && isAny(ts, end + 1, "the"))
                || isAny(ts, end, "tonight");
        if (end < ts.size() && ts.get(end).kind() == Kind.WORD && NOT_TIME_AFTER.contains(ts.get(end).text())) return null;
        if (h == 0 && !marked) return null;
        if (!(lead || marked || afterDate || lone)) return null;
        if (minute < 0 && h > 12 && !lead) return null;
        return withMeridiem(ts, i, end, h, Math.max(minute, 0));
    }

    private static Mention withMeridiem(List<Token> ts, int start, int end, int h, int min) {
        Meridiem mer = Meridiem.NONE;
        if (isAny(ts, end, "oclock")) end++;
        if (is(ts, end, "am")) { mer = Meridiem.AM; end++; }
        else if (is(ts, end, "pm")) { mer = Meridiem.PM; end++; }
        if (h > 12) mer = Meridiem.NONE;   // 24-hour clock: already exact
        return m(new Clock(h, min, mer), start, end, 0.95);
    }

    /** Resolves a clock to a time of day: explicit am/pm, then the day part, then business hours. */
    static Mention resolve(Mention raw, DayPart part, BusinessHours hours) {
        Clock c = (Clock) raw.value();
        int h = c.hour(), min = c.minute();
        LocalTime t;
        double conf;
        if (h == 0 || h > 12) { t = LocalTime.of(h % 24, min); conf = 0.95; }
        else if (c.meridiem() == Meridiem.AM) { t = LocalTime.of(h % 12, min); conf = 0.95; }
        else if (c.meridiem() == Meridiem.PM) { t = LocalTime.of(h % 12 + 12, min); conf = 0.95; }
        else if (part != null) {
            int hh = switch (part) {
                case MORNING -> h % 12;
                case AFTERNOON, EVENING -> h == 12 ? 12 : h + 12;
            };
            t = LocalTime.of(hh, min);
            conf = 0.9;
        } else {
            LocalTime am = LocalTime.of(h % 12, min), pm = LocalTime.of(h == 12 ? 12 : h + 12, min);
            if (h == 12) am = LocalTime.of(0, min);
            boolean inAm = hours.contains(am), inPm = hours.contains(pm);
            if (inAm != inPm) { t = inAm ? am : pm; conf = 0.8; }
            else { t = h >= 7 && h <= 11 ? am : pm; conf = 0.55; }
        }
        return new Mention(Field.TIME, t, raw.start(), raw.end(), Math.min(conf, raw.confidence()));
    }

    /** "morning", "this afternoon", "in the evening", "tonight"; not "good morning". */
    static DayPart dayPart(List<Token> ts, int i) {
        Token t = ts.get(i);
        if (i > 0 && ts.get(i - 1).is("good")) return null;
        if (t.isAny("morning", "mornings")) return DayPart.MORNING;
        if (t.isAny("afternoon", "afternoons", "lunchtime")) return t.is("lunchtime") ? null : DayPart.AFTERNOON;
        if (t.isAny("evening", "evenings", "tonight", "night")) return DayPart.EVENING;
        return null;
    }

    /** The hour before h on a 12-hour dial: "quarter to one" is 12:45. */
    private static int before(int h) {
        return h == 1 ? 12 : h - 1;
    }

    private static boolean hour(List<Token> ts, int i) {
        return kind(ts, i, Kind.NUMBER) && ts.get(i).value() >= 1 && ts.get(i).value() <= 12;
    }

    private static Mention m(Clock c, int start, int end, double conf) {
        return new Mention(Field.TIME, c, start, end, conf);
    }
}
