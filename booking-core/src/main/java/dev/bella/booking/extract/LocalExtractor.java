package dev.bella.booking.extract;

import dev.bella.booking.ledger.CallLedger.Usage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small rule-based extractor: phone digits, "my name is ...", today/tomorrow/weekdays/month days, and
 * clock times. It is a placeholder grammar, honest about its confidence, that lets the whole call flow
 * run with no network; the extraction issue replaces it with the full local extractor plus the OpenAI
 * tier for low-confidence utterances. Costs nothing, so its usage is always {@link Usage#NONE}.
 */
public final class LocalExtractor implements Extractor {

    private static final Pattern PHONE = Pattern.compile("(\\+?\\d[\\d\\s().-]{8,}\\d)");
    private static final Pattern NAME_CUE = Pattern.compile(
            "\\b(my name is|my name's|name is|this is|i am|i'm|it's)\\s+([a-z][a-z'-]*(?:\\s+[a-z][a-z'-]*){0,3})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AM_PM = Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?\\s?m\\b\\.?");
    private static final Pattern AT_HOUR = Pattern.compile("\\b(?:at|around|by)\\s+(\\d{1,2})(?::(\\d{2}))?(?:\\s*o'?clock)?\\b");
    private static final Pattern OCLOCK = Pattern.compile("\\b(\\d{1,2})\\s*o'?clock\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+(january|february|march|april|may|june|july|august|september|october|november|december)\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(next\\s+|this\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|yup|sure|correct|right|sounds good|perfect|please do|absolutely|okay|ok)\\b");
    private static final Pattern NO = Pattern.compile("\\b(no|nope|nah|wrong|incorrect)\\b");

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", "0"), Map.entry("oh", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"));

    // words that end a name or cannot be one
    private static final Set<String> NOT_NAME = Set.of("and", "i", "i'd", "i'm", "calling", "looking", "want", "would",
            "like", "to", "for", "at", "on", "in", "the", "a", "an", "tomorrow", "today", "next", "this", "please",
            "my", "phone", "number", "is", "it", "yes", "no", "yeah", "okay", "ok", "sure", "hello", "hi", "hey",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "book", "booking",
            "appointment", "um", "uh", "so", "just", "not", "can", "could", "from", "with", "sounds", "good",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "correct", "right", "perfect", "wrong", "nope", "thanks", "thank", "you", "first",
            "second", "one", "two", "that", "about", "here", "there", "noon");

    @Override
    public Extraction extract(String utterance, CallContext context) {
        if (utterance == null || utterance.isBlank()) {
            return Extraction.EMPTY;
        }
        String text = utterance.trim();
        String lower = withDigits(text.toLowerCase(Locale.ROOT));
        return new Extraction(name(text), phone(lower), date(lower, context.today()), time(lower), answer(lower),
                Usage.NONE);
    }

    /** "three p.m." → "3 p.m."; "five five five ..." → "5 5 5 ...": speech engines write either. */
    private static String withDigits(String lower) {
        StringBuilder out = new StringBuilder();
        for (String word : lower.split("(?<=\\s)|(?=\\s)")) {
            String bare = word.replaceAll("[.,!?]$", "");
            String digit = NUMBER_WORDS.get(bare);
            out.append(digit == null ? word : digit + word.substring(bare.length()));
        }
        return out.toString();
    }

    private static Optional<Extracted<String>> phone(String lower) {
        Matcher m = PHONE.matcher(lower);
        while (m.find()) {
            String raw = m.group(1);
            String digits = raw.replaceAll("\\D", "");
            if (digits.length() == 10) {
                return Optional.of(new Extracted<>("+1" + digits, 0.9));
            }
            if (digits.length() == 11 && digits.startsWith("1")) {
                return Optional.of(new Extracted<>("+" + digits, 0.9));
            }
            if (raw.startsWith("+") && digits.length() >= 8 && digits.length() <= 15) {
                return Optional.of(new Extracted<>("+" + digits, 0.85));
            }
        }
        return Optional.empty();
    }

    private static Optional<Extracted<String>> name(String text) {
        Matcher m = NAME_CUE.matcher(text);
        while (m.find()) {
            String name = leadingNameWords(m.group(2));
            if (!name.isEmpty()) {
                double confidence = m.group(1).toLowerCase(Locale.ROOT).contains("name") ? 0.85 : 0.7;
                if (!Character.isUpperCase(name.charAt(0))) {
                    confidence -= 0.15;
                }
                return Optional.of(new Extracted<>(capitalised(name), confidence));
            }
        }
        // an answer to "may I have your name?" is often just the name: one to three capitalised words
        String bare = text.replaceAll("[.!?,]+$", "");
        if (bare.matches("\\p{Lu}[\\p{L}'-]*(\\s+\\p{Lu}[\\p{L}'-]*){0,2}") && leadingNameWords(bare).equals(bare)) {
            return Optional.of(new Extracted<>(bare, 0.6));
        }
        return Optional.empty();
    }

    private static String leadingNameWords(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.trim().split("\\s+")) {
            if (NOT_NAME.contains(w.toLowerCase(Locale.ROOT))) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w);
        }
        return out.toString();
    }

    private static String capitalised(String name) {
        StringBuilder out = new StringBuilder();
        for (String w : name.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }

    private static Optional<Extracted<LocalDate>> date(String lower, LocalDate today) {
        Matcher iso = ISO_DATE.matcher(lower);
        if (iso.find()) {
            try {
                return Optional.of(new Extracted<>(LocalDate.parse(iso.group(1)), 0.95));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (lower.contains("day after tomorrow")) {
            return Optional.of(new Extracted<>(today.plusDays(2), 0.9));
        }
        if (lower.matches(".*\\btomorrow\\b.*")) {
            return Optional.of(new Extracted<>(today.plusDays(1), 0.95));
        }
        if (lower.matches(".*\\btoday\\b.*")) {
            return Optional.of(new Extracted<>(today, 0.95));
        }
        Matcher md = MONTH_DAY.matcher(lower);
        Matcher dm = DAY_MONTH.matcher(lower);
        if (md.find()) {
            return monthDay(Month.valueOf(md.group(1).toUpperCase(Locale.ROOT)), Integer.parseInt(md.group(2)), today);
        }
        if (dm.find()) {
            return monthDay(Month.valueOf(dm.group(2).toUpperCase(Locale.ROOT)), Integer.parseInt(dm.group(1)), today);
        }
        Matcher wd = WEEKDAY.matcher(lower);
        if (wd.find()) {
            DayOfWeek day = DayOfWeek.valueOf(wd.group(2).toUpperCase(Locale.ROOT));
            int ahead = (day.getValue() - today.getDayOfWeek().getValue() + 7) % 7;
            // "Monday" said on a Monday means next week's: today would have been "today"
            LocalDate next = today.plusDays(ahead == 0 ? 7 : ahead);
            return Optional.of(new Extracted<>(next, wd.group(1) == null ? 0.9 : 0.8));
        }
        return Optional.empty();
    }

    private static Optional<Extracted<LocalDate>> monthDay(Month month, int day, LocalDate today) {
        if (day < 1 || day > month.maxLength()) {
            return Optional.empty();
        }
        int year = today.getYear();
        if (LocalDate.of(year, month, Math.min(day, month.length(java.time.Year.isLeap(year)))).isBefore(today)) {
            year++;
        }
        if (day > month.length(java.time.Year.isLeap(year))) {
            return Optional.empty();
        }
        return Optional.of(new Extracted<>(LocalDate.of(year, month, day), 0.9));
    }

    private static Optional<Extracted<LocalTime>> time(String lower) {
        if (lower.matches(".*\\b(noon|midday)\\b.*")) {
            return Optional.of(new Extracted<>(LocalTime.NOON, 0.9));
        }
        Matcher m = AM_PM.matcher(lower);
        if (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (hour < 1 || hour > 12 || minute > 59) {
                return Optional.empty();
            }
            hour = hour % 12 + (m.group(3).equals("p") ? 12 : 0);
            return Optional.of(new Extracted<>(LocalTime.of(hour, minute), 0.95));
        }
        Matcher at = AT_HOUR.matcher(lower);
        Matcher oclock = OCLOCK.matcher(lower);
        Matcher found = at.find() ? at : oclock.find() ? oclock : null;
        if (found == null) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(found.group(1));
        int minute = found.groupCount() >= 2 && found.group(2) != null ? Integer.parseInt(found.group(2)) : 0;
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        if (hour >= 13 || hour == 0) {
            return Optional.of(new Extracted<>(LocalTime.of(hour, minute), 0.9));
        }
        // "at 3" with no am/pm: appointments are in the day, so 1-7 mean afternoon; a guess, said as such
        int h24 = hour <= 7 ? hour + 12 : hour;
        return Optional.of(new Extracted<>(LocalTime.of(h24, minute), 0.6));
    }

    private static Optional<Extracted<Boolean>> answer(String lower) {
        boolean negated = lower.matches(".*\\bnot (right|correct)\\b.*");
        boolean yes = YES.matcher(lower).find() && !negated;
        boolean no = NO.matcher(lower).find() || negated;
        if (yes == no) {
            return Optional.empty();
        }
        return Optional.of(new Extracted<>(yes, 0.9));
    }
}
