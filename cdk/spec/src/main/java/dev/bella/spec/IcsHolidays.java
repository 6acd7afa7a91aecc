package dev.bella.spec;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The days off in an iCalendar (RFC 5545) file, as public-holiday calendars publish them: one
 * {@code VEVENT} per holiday with an all-day {@code DTSTART;VALUE=DATE} and an optional exclusive
 * {@code DTEND}. Recurrence rules are refused rather than half-understood: a holiday that silently
 * fails to repeat would start dev on a day off.
 */
final class IcsHolidays {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private IcsHolidays() {
    }

    /** @throws IllegalArgumentException naming the line that cannot be read */
    static Set<LocalDate> parse(String text) {
        Set<LocalDate> out = new HashSet<>();
        if (!text.contains("BEGIN:VCALENDAR")) {
            throw new IllegalArgumentException("not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        // RFC 5545 3.1: a line starting with a space or tab continues the previous one
        String unfolded = text.replace("\r\n", "\n").replaceAll("\n[ \t]", "");
        LocalDate start = null;
        LocalDate end = null;
        boolean inEvent = false;
        int lineNo = 0;
        for (String line : unfolded.split("\n")) {
            lineNo++;
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT")) {
                inEvent = true;
                start = null;
                end = null;
            } else if (upper.equals("END:VEVENT")) {
                if (start == null) {
                    throw new IllegalArgumentException("event ending at line " + lineNo + " has no DTSTART");
                }
                LocalDate last = end == null || !end.isAfter(start) ? start.plusDays(1) : end;
                for (LocalDate d = start; d.isBefore(last); d = d.plusDays(1)) {
                    out.add(d);
                }
                inEvent = false;
            } else if (inEvent && upper.startsWith("DTSTART")) {
                start = date(line, lineNo);
            } else if (inEvent && upper.startsWith("DTEND")) {
                end = date(line, lineNo);
            } else if (inEvent && (upper.startsWith("RRULE") || upper.startsWith("RDATE"))) {
                throw new IllegalArgumentException("line " + lineNo + ": recurring events are not supported; "
                        + "list each holiday as its own all-day event");
            }
        }
        return out;
    }

    private static LocalDate date(String line, int lineNo) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        String day = value.length() >= 8 ? value.substring(0, 8) : value;
        try {
            return LocalDate.parse(day, BASIC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("line " + lineNo + ": expected a date YYYYMMDD, found '" + value + "'");
        }
    }
}
