package dev.bella.booking.extract;

import static dev.bella.booking.extract.Tokens.is;
import static dev.bella.booking.extract.Tokens.isAny;
import static dev.bella.booking.extract.Tokens.kind;

import dev.bella.booking.extract.Tokens.Kind;
import dev.bella.booking.extract.Tokens.Token;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * Dates said by callers, resolved against the caller's local "today" (from the reference instant and business
 * zone): today/tomorrow/tonight, weekdays with this/next/coming, "the 7th", month + day, numeric dates (North
 * American month/day order), "in two weeks", "a week from Friday".
 *
 * <p>Conventions (docs/extraction.md): a bare weekday is its next occurrence after today (said on a Monday,
 * "Monday" is a week away); "this X" may be today; "next X" is X in the following calendar week (Monday-start),
 * with lower confidence when a nearer X exists this week; "the 7th" is the next 7th on or after today.
 */
final class DateGrammar {
    static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("mondays", DayOfWeek.MONDAY),
            Map.entry("tuesdays", DayOfWeek.TUESDAY), Map.entry("wednesdays", DayOfWeek.WEDNESDAY),
            Map.entry("thursdays", DayOfWeek.THURSDAY), Map.entry("fridays", DayOfWeek.FRIDAY));
    static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("april", Month.APRIL), Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("july", Month.JULY), Map.entry("august", Month.AUGUST),
            Map.entry("aug", Month.AUGUST), Map.entry("september", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER), Map.entry("november", Month.NOVEMBER),
            Map.entry("nov", Month.NOVEMBER), Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));
    private static final Map<String, Integer> AMOUNT_WORDS = Map.of("a", 1, "one", 1, "couple", 2, "few", 3);

    private DateGrammar() {}

    /** Tries every date rule at token i; returns the mention or null. {@code pm} receives "tonight". */
    static Mention at(List<Token> ts, int i, LocalDate today) {
        Token t = ts.get(i);
        if (t.is("today")) return m(today, i, i + 1, 0.95);
        if (t.is("tonight")) return m(today, i, i + 1, 0.95);
        if (t.is("this") && isAny(ts, i + 1, "morning", "afternoon", "evening")) return m(today, i, i + 2, 0.9);
        if (t.is("tomorrow") || t.is("tomorrow's") || t.is("tmrw")) {
            return m(today.plusDays(1), i, i + 1, 0.95);
        }
        if (t.is("day") && is(ts, i + 1, "after") && is(ts, i + 2, "tomorrow")) return m(today.plusDays(2), i, i + 3, 0.95);
        Mention r;
        if ((r = holiday(ts, i, today)) != null) return r;
        if ((r = weekday(ts, i, today)) != null) return r;
        if ((r = monthDay(ts, i, today)) != null) return r;
        if ((r = ordinalDay(ts, i, today)) != null) return r;
        if ((r = numeric(t, i, today)) != null) return r;
        return relative(ts, i, today);
    }

    private static Mention weekday(List<Token> ts, int i, LocalDate today) {
        int start = i;
        String mod = "";
        if (ts.get(i).isAny("this", "next", "coming", "upcoming") && i + 1 < ts.size()
                && WEEKDAYS.containsKey(ts.get(i + 1).text())) {
            mod = ts.get(i).text().equals("upcoming") ? "coming" : ts.get(i).text();
            i++;
        }
        DayOfWeek d = WEEKDAYS.get(ts.get(i).text());
        if (d == null || ts.get(i).kind() != Kind.WORD) return null;
        int end = i + 1;
        if (is(ts, end, "after") && is(ts, end + 1, "next")) {
            return m(nextWeek(today, d).plusWeeks(1), start, end + 2, 0.9);
        }
        if (mod.isEmpty() && is(ts, end, "next") && is(ts, end + 1, "week")) {
            return m(nextWeek(today, d), start, end + 2, 0.95);
        }
        if (mod.isEmpty() && is(ts, end, "this") && is(ts, end + 1, "week")) {
            return m(today.with(TemporalAdjusters.nextOrSame(d)), start, end + 2, 0.95);
        }
        // "Thursday the 7th": the explicit day of month decides; a weekday that disagrees makes it doubtful
        Mention explicit = null;
        if (end < ts.size()) {
            explicit = monthDay(ts, end, today);
            if (explicit == null) explicit = ordinalDay(ts, end, today);
        }
        if (explicit != null) {
            LocalDate e = (LocalDate) explicit.value();
            return m(e, start, explicit.end(), e.getDayOfWeek() == d ? 0.97 : 0.5);
        }
        return switch (mod) {
            case "this" -> m(today.with(TemporalAdjusters.nextOrSame(d)), start, end, 0.9);
            case "next" -> {
                LocalDate upcoming = today.with(TemporalAdjusters.next(d));
                LocalDate nw = nextWeek(today, d);
                yield m(nw, start, end, upcoming.equals(nw) ? 0.9 : 0.75);
            }
            default -> m(today.with(TemporalAdjusters.next(d)), start, end, today.getDayOfWeek() == d ? 0.8 : 0.9);
        };
    }

    /** Day d of the calendar week (Monday-start) after today's. */
    static LocalDate nextWeek(LocalDate today, DayOfWeek d) {
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1)
                .plusDays(d.getValue() - 1L);
    }

    /** Fixed-date holidays ("Valentine's Day", "Christmas Eve"); not "before/after Christmas", a window. */
    private static Mention holiday(List<Token> ts, int i, LocalDate today) {
        if (i > 0 && ts.get(i - 1).isAny("before", "after", "around", "near", "until", "till", "by", "since", "over")) return null;
        String a = ts.get(i).text(), b = i + 1 < ts.size() ? ts.get(i + 1).text() : "";
        int month, day, len;
        if (a.equals("christmas") && b.equals("eve")) { month = 12; day = 24; len = 2; }
        else if (a.equals("christmas")) { month = 12; day = 25; len = b.equals("day") ? 2 : 1; }
        else if (a.equals("boxing") && b.equals("day")) { month = 12; day = 26; len = 2; }
        else if ((a.equals("new") && (b.equals("year's") || b.equals("years")))) {
            boolean eve = isAny(ts, i + 2, "eve");
            month = eve ? 12 : 1; day = eve ? 31 : 1; len = eve || isAny(ts, i + 2, "day") ? 3 : 2;
        }
        else if ((a.equals("valentine's") || a.equals("valentines")) && b.equals("day")) { month = 2; day = 14; len = 2; }
        else if (a.equals("april") && (b.equals("fools") || b.equals("fool's"))) { month = 4; day = 1; len = isAny(ts, i + 2, "day") ? 3 : 2; }
        else if (a.equals("halloween")) { month = 10; day = 31; len = 1; }
        else return null;
        return m(nextMonthDay(today, Month.of(month), day), i, i + len, 0.9);
    }

    /** "March 7th", "March 7", "March the 7th", "the 7th of March", "7 March", optionally a year. */
    private static Mention monthDay(List<Token> ts, int i, LocalDate today) {
        Token t = ts.get(i);
        Month month = t.kind() == Kind.WORD ? MONTHS.get(t.text()) : null;
        if (month != null) {
            if (t.is("may") && !(is(ts, i + 1, "the") || kind(ts, i + 1, Kind.ORDINAL) || kind(ts, i + 1, Kind.NUMBER))) {
                return null;
            }
            int j = i + 1;
            if (is(ts, j, "the")) j++;
            if (j < ts.size() && (ts.get(j).kind() == Kind.ORDINAL || ts.get(j).kind() == Kind.NUMBER)
                    && ts.get(j).value() >= 1 && ts.get(j).value() <= 31 && ts.get(j).digits() <= 2) {
                return withYear(ts, j + 1, month, ts.get(j).value(), i, today);
            }
            return null;
        }
        int j = i;
        if (t.is("the")) j++;
        if (j < ts.size() && (ts.get(j).kind() == Kind.ORDINAL || ts.get(j).kind() == Kind.NUMBER)) {
            int day = ts.get(j).value();
            int k = j + 1;
            if (is(ts, k, "of")) k++;
            if (k < ts.size() && ts.get(k).kind() == Kind.WORD && MONTHS.containsKey(ts.get(k).text())
                    && day >= 1 && day <= 31 && (ts.get(j).kind() == Kind.ORDINAL || k > j + 1 || t.is("the")
                    || !ts.get(k).is("may"))) {
                return withYear(ts, k + 1, MONTHS.get(ts.get(k).text()), day, i, today);
            }
        }
        return null;
    }

    private static Mention withYear(List<Token> ts, int j, Month month, int day, int start, LocalDate today) {
        Integer year = null;
        int end = j;
        if (is(ts, j, "of") || (j < ts.size() && ts.get(j).is(","))) j++;
        if (kind(ts, j, Kind.NUMBER) && ts.get(j).digits() == 4 && ts.get(j).value() >= 2000 && ts.get(j).value() <= 2100) {
            year = ts.get(j).value();
            end = j + 1;
        } else if (kind(ts, j, Kind.NUMBER) && ts.get(j).value() == 20 && kind(ts, j + 1, Kind.NUMBER)
                && ts.get(j + 1).value() >= 20 && ts.get(j + 1).value() <= 99) {
            year = 2000 + ts.get(j + 1).value();
            end = j + 2;
        }
        LocalDate d = year != null ? safe(year, month.getValue(), day) : nextMonthDay(today, month, day);
        return d == null ? null : m(d, start, end, 0.95);
    }

    /** The next month/day on or after today; Feb 29 waits for a leap year. */
    static LocalDate nextMonthDay(LocalDate today, Month month, int day) {
        for (int y = today.getYear(); y <= today.getYear() + 8; y++) {
            LocalDate d = safe(y, month.getValue(), day);
            if (d != null && !d.isBefore(today)) return d;
        }
        return null;
    }

    /** "the 7th", "on the 7th", "7th": the next such day of month on or after today, skipping short months. */
    private static Mention ordinalDay(List<Token> ts, int i, LocalDate today) {
        int j = i;
        boolean article = false;
        if (ts.get(j).isAny("the", "on") ) {
            if (ts.get(j).is("on") && is(ts, j + 1, "the")) j++;
            j++;
            article = true;
        }
        if (!kind(ts, j, Kind.ORDINAL)) return null;
        Token o = ts.get(j);
        int day = o.value();
        if (day < 1 || day > 31) return null;
        boolean digitForm = Character.isDigit(o.original().charAt(0));
        if (!article && !digitForm && day <= 3) return null;   // "first thing", "second opinion"
        if (j + 1 < ts.size() && ts.get(j + 1).isAny("name", "available", "thing", "time", "appointment", "slot",
                "opening", "visit", "floor", "one", "week", "option", "choice")) return null;
        LocalDate d = today.withDayOfMonth(1);
        for (int k = 0; k < 13; k++, d = d.plusMonths(1)) {
            LocalDate c = safe(d.getYear(), d.getMonthValue(), day);
            if (c != null && !c.isBefore(today)) return m(c, i, j + 1, article || digitForm ? 0.9 : 0.85);
        }
        return null;
    }

    /** 3/14, 3/14/2027, 2027-03-14 (month/day order, as North American callers and ASR write it). */
    private static Mention numeric(Token t, int i, LocalDate today) {
        if (t.kind() == Kind.ISO_DATE) {
            String[] p = t.text().split("-");
            LocalDate d = safe(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            return d == null ? null : m(d, i, i + 1, 0.95);
        }
        if (t.kind() != Kind.SLASH_DATE) return null;
        String[] p = t.text().split("/");
        int mo = Integer.parseInt(p[0]), day = Integer.parseInt(p[1]);
        if (mo < 1 || mo > 12) return null;
        if (p.length == 3) {
            int y = Integer.parseInt(p[2]);
            LocalDate d = safe(y < 100 ? 2000 + y : y, mo, day);
            return d == null ? null : m(d, i, i + 1, 0.9);
        }
        LocalDate d = nextMonthDay(today, Month.of(mo), day);
        return d == null ? null : m(d, i, i + 1, day <= 12 ? 0.8 : 0.9);
    }

    /** "in two weeks", "in 3 days", "in a couple of weeks", "two weeks from today", "a week from Friday". */
    private static Mention relative(List<Token> ts, int i, LocalDate today) {
        int j = i;
        boolean in = ts.get(i).is("in");
        if (in) j++;
        int n;
        if (kind(ts, j, Kind.NUMBER) && ts.get(j).value() > 0 && ts.get(j).value() < 60) n = ts.get(j).value();
        else if (j < ts.size() && ts.get(j).kind() == Kind.WORD && AMOUNT_WORDS.containsKey(ts.get(j).text())) {
            n = AMOUNT_WORDS.get(ts.get(j).text());
            if (ts.get(j).isAny("couple", "few") && is(ts, j + 1, "of")) j++;
        } else return null;
        j++;
        ChronoUnit unit;
        if (j >= ts.size()) return null;
        switch (ts.get(j).text()) {
            case "day", "days" -> unit = ChronoUnit.DAYS;
            case "week", "weeks" -> unit = ChronoUnit.WEEKS;
            case "month", "months" -> unit = ChronoUnit.MONTHS;
            default -> { return null; }
        }
        boolean approx = ts.get(i + (in ? 1 : 0)).isAny("couple", "few");
        if (in && unit == ChronoUnit.WEEKS) {
            // "in two weeks on Wednesday": that weekday in the week two weeks from now
            int w = j + 1;
            if (isAny(ts, w, "on")) w++;
            if (w < ts.size() && ts.get(w).kind() == Kind.WORD && WEEKDAYS.containsKey(ts.get(w).text())) {
                LocalDate monday = today.plusWeeks(n).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return m(monday.plusDays(WEEKDAYS.get(ts.get(w).text()).getValue() - 1L), i, w + 1, approx ? 0.6 : 0.85);
            }
        }
        LocalDate base = today;
        int end = j + 1;
        if (is(ts, end, "from")) {
            Token b = end + 1 < ts.size() ? ts.get(end + 1) : null;
            if (b == null) return null;
            if (b.isAny("today", "now")) end += 2;
            else if (b.is("tomorrow")) { base = today.plusDays(1); end += 2; }
            else if (b.kind() == Kind.WORD && WEEKDAYS.containsKey(b.text())) {
                base = today.with(TemporalAdjusters.next(WEEKDAYS.get(b.text())));
                end += 2;
            } else return null;
        } else if (!in) {
            return null;   // "two weeks" alone is a duration, not a date
        }
        return m(base.plus(n, unit), i, end, approx ? 0.6 : 0.9);
    }

    static LocalDate safe(int y, int mo, int d) {
        try {
            return LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Mention m(LocalDate d, int start, int end, double c) {
        return new Mention(Field.DATE, d, start, end, c);
    }
}
