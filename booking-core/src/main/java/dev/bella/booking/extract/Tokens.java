package dev.bella.booking.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an utterance (typically speech-recognition output: no reliable punctuation or case, numbers as digits
 * or as words) into normalized tokens: number words become numbers ("twenty one" → 21, "seventh" → 7th),
 * "p.m." becomes "pm", "o'clock" one token. Each token keeps its original spelling for names.
 */
final class Tokens {

    enum Kind { WORD, NUMBER, ORDINAL, CLOCK, SLASH_DATE, ISO_DATE }

    /** One token; {@code value} is the number for NUMBER/ORDINAL, minutes-of-day for CLOCK. */
    record Token(Kind kind, String text, String original, int value, int digits) {
        boolean is(String w) { return kind == Kind.WORD && text.equals(w); }

        boolean isAny(String... ws) {
            if (kind != Kind.WORD) return false;
            for (String w : ws) if (text.equals(w)) return true;
            return false;
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{1,2}[:.]\\d{2}(?!\\d)|\\d+(?:st|nd|rd|th)\\b"
                    // a capitalised hyphenated name (Anne-Marie, Smith-Jones) is one word, as said; lower-case
                    // hyphenated words ("twenty-one") still split so number words merge
                    + "|\\p{Lu}\\p{L}*(?:['’]\\p{L}+)*(?:-\\p{Lu}\\p{L}*(?:['’]\\p{L}+)*)+"
                    + "|\\d+|[\\p{L}]+(?:['’][\\p{L}]+)*");

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern CLOCK_SEPARATOR = Pattern.compile("[:.]");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)");
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30));

    private Tokens() {}

    static List<Token> of(String utterance) {
        List<Token> raw = new ArrayList<>();
        Matcher m = TOKEN.matcher(utterance);
        while (m.find()) raw.add(classify(m.group()));
        return mergeWords(raw);
    }

    private static Token classify(String s) {
        String low = s.toLowerCase(Locale.ROOT).replace('’', '\'');
        char c = low.charAt(0);
        if (Character.isDigit(c)) {
            if (ISO.matcher(low).matches()) return new Token(Kind.ISO_DATE, low, s, 0, 0);
            if (low.contains("/")) return new Token(Kind.SLASH_DATE, low, s, 0, 0);
            if (low.contains(":") || low.contains(".")) {
                String[] hm = CLOCK_SEPARATOR.split(low);
                int h = Integer.parseInt(hm[0]), min = Integer.parseInt(hm[1]);
                if (h <= 24 && min < 60) return new Token(Kind.CLOCK, low, s, h * 60 + min, 0);
                return new Token(Kind.NUMBER, hm[0] + hm[1], s, safeInt(hm[0] + hm[1]), (hm[0] + hm[1]).length());
            }
            if (ORDINAL.matcher(low).matches()) {
                return new Token(Kind.ORDINAL, low, s, safeInt(low.substring(0, low.length() - 2)), 0);
            }
            return new Token(Kind.NUMBER, low, s, safeInt(low), low.length());
        }
        return new Token(Kind.WORD, low, s, 0, 0);
    }

    private static int safeInt(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** Number words, ordinal words, "a m"/"p m", "o clock". */
    private static List<Token> mergeWords(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            Token next = i + 1 < in.size() ? in.get(i + 1) : null;
            String w = t.text();
            if (t.kind() != Kind.WORD) { out.add(t); continue; }
            if ((w.equals("a") || w.equals("p")) && next != null && next.is("m")) {
                out.add(new Token(Kind.WORD, w + "m", t.original() + next.original(), 0, 0));
                i++;
                continue;
            }
            if (w.equals("o'clock") || (w.equals("o") && next != null && next.is("clock"))) {
                if (!w.equals("o'clock")) i++;
                out.add(new Token(Kind.WORD, "oclock", "o'clock", 0, 0));
                continue;
            }
            if (TENS.containsKey(w)) {
                int v = TENS.get(w);
                if (next != null && next.kind() == Kind.WORD && UNITS.containsKey(next.text()) && UNITS.get(next.text()) > 0
                        && UNITS.get(next.text()) < 10) {
                    out.add(number(v + UNITS.get(next.text()), t.original() + " " + next.original()));
                    i++;
                } else if (next != null && next.kind() == Kind.WORD && ORDINALS.containsKey(next.text())
                        && ORDINALS.get(next.text()) < 10) {
                    out.add(new Token(Kind.ORDINAL, (v + ORDINALS.get(next.text())) + "th",
                            t.original() + " " + next.original(), v + ORDINALS.get(next.text()), 0));
                    i++;
                } else {
                    out.add(number(v, t.original()));
                }
                continue;
            }
            if (UNITS.containsKey(w)) { out.add(number(UNITS.get(w), t.original())); continue; }
            if (ORDINALS.containsKey(w) && !(w.equals("second") && next != null && next.isAny("opinion", "thought"))) {
                out.add(new Token(Kind.ORDINAL, ORDINALS.get(w) + "th", t.original(), ORDINALS.get(w), 0));
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** Token {@code i} is the word {@code w}; false past the end (the grammars look ahead freely). */
    static boolean is(List<Token> ts, int i, String w) {
        return i < ts.size() && ts.get(i).is(w);
    }

    /** Token {@code i} is one of the words {@code w}; false past the end. */
    static boolean isAny(List<Token> ts, int i, String... w) {
        return i < ts.size() && ts.get(i).isAny(w);
    }

    /** Token {@code i} is of kind {@code k}; false past the end. */
    static boolean kind(List<Token> ts, int i, Kind k) {
        return i < ts.size() && ts.get(i).kind() == k;
    }

    private static Token number(int v, String original) {
        String s = Integer.toString(v);
        return new Token(Kind.NUMBER, s, original, v, s.length());
    }
}
