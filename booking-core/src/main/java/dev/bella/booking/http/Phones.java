package dev.bella.booking.http;

import java.util.regex.Pattern;

/** Masks phone numbers for logs: "+15551234567" becomes "+1******4567" (enough to tell calls apart). */
public final class Phones {

    // 7+ digits, optionally led by + and split by spaces, dots or dashes: how numbers show up in text
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[ .-]?\\d){6,14}");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern NON_DIGIT = Pattern.compile("\\D");

    private Phones() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = NON_DIGIT.matcher(phone).replaceAll("");
        if (digits.length() <= 4) {
            return "****";
        }
        String prefix = phone.startsWith("+") && digits.length() > 10 ? "+" + digits.substring(0, digits.length() - 10) : "";
        return prefix + "*".repeat(digits.length() - 4 - Math.max(0, prefix.length() - 1)) + digits.substring(digits.length() - 4);
    }

    public static String maskAll(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // ISO dates look like numbers to the pattern but are no one's phone
        return NUMBER.matcher(text).replaceAll(m -> ISO_DATE.matcher(m.group()).matches()
                ? m.group() : java.util.regex.Matcher.quoteReplacement(mask(m.group())));
    }
}
