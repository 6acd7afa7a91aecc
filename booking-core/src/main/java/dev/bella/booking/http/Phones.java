package dev.bella.booking.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers for logs, in whatever format they appear ("+15551234567", "(416) 555-0123",
 * "416.555.0123"): every digit but the last four becomes '*', separators stay, so "(***) ***-0123" still
 * reads as a number and tells calls apart. Ids are never touched: a digit run glued to letters (a CallSid
 * "CA3f09…", a hash, a UUID) is part of a word, not a number anyone dialled.
 */
public final class Phones {

    /**
     * A run of digits and the separators people write numbers with, starting with a digit, '+' or '(' that does
     * not continue a word or an id, and ending with a digit that is not followed by one.
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{Alnum}_])(?<![\\p{Alnum}][-.:/])[+(]?\\d[\\d ().\\-]*\\d(?![\\p{Alnum}_])(?![-.:/]\\p{Alnum})");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern NON_DIGIT = Pattern.compile("\\D");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private Phones() {
    }

    /** One number: all digits but the last four masked; fewer than five digits mask entirely. */
    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        int digits = NON_DIGIT.matcher(phone).replaceAll("").length();
        if (digits <= 4) {
            return "****";
        }
        return maskDigits(phone, digits);
    }

    public static String maskAll(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = CANDIDATE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String s = m.group();
            int digits = NON_DIGIT.matcher(s).replaceAll("").length();
            // dates and addresses look like numbers to the pattern but are no one's phone
            boolean phone = digits >= MIN_DIGITS && digits <= MAX_DIGITS && !ISO_DATE.matcher(s).matches()
                    && !DOTTED_QUAD.matcher(s).matches() && balanced(s);
            m.appendReplacement(out, Matcher.quoteReplacement(phone ? maskDigits(s, digits) : s));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskDigits(String s, int digits) {
        StringBuilder b = new StringBuilder(s.length());
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                b.append(++seen > digits - 4 ? c : '*');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** "(416) 555" is a number; "3 (of 5" is not. */
    private static boolean balanced(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(') open++;
            else if (s.charAt(i) == ')' && --open < 0) return false;
        }
        return open == 0;
    }
}
