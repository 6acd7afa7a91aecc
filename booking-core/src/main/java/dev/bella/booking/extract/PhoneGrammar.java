package dev.bella.booking.extract;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.bella.booking.extract.Tokens.Kind;
import dev.bella.booking.extract.Tokens.Token;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers: runs of digits however they were said ("514 555 0199", "five one four five five five oh one
 * nine nine", "double five"), validated by libphonenumber; "this number" means the caller's own number.
 */
final class PhoneGrammar {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** 7 to 15 digits: shorter is no one's number, longer is past E.164's limit. */
    private static final Pattern KEYED = Pattern.compile("\\d{7,15}");

    private PhoneGrammar() {}

    /** Adds phone mentions; marks the tokens it used in {@code used}; returns true when a number was said but unusable. */
    static boolean find(List<Token> ts, UtteranceContext ctx, boolean[] used, List<Mention> out) {
        boolean unusable = false;
        String region = regionOf(ctx.callerNumber());
        for (int i = 0; i < ts.size(); i++) {
            if (!startsRun(ts, i)) continue;
            StringBuilder digits = new StringBuilder();
            int j = i;
            for (; j < ts.size(); j++) {
                Token t = ts.get(j);
                if (t.kind() == Kind.NUMBER) digits.append(t.text());
                else if (t.isAny("oh", "o") && digits.length() > 0) digits.append('0');
                else if (t.isAny("double", "triple") && j + 1 < ts.size() && ts.get(j + 1).kind() == Kind.NUMBER
                        && ts.get(j + 1).digits() == 1) {
                    String d = ts.get(j + 1).text();
                    digits.append(d.repeat(t.is("double") ? 2 : 3));
                    j++;
                } else if (t.isAny("dash", "plus") && digits.length() > 0 && j + 1 < ts.size()
                        && ts.get(j + 1).kind() == Kind.NUMBER) {
                    continue;
                } else break;
                // too long for any phone number: stop after this token (j past it, so the scan below advances)
                if (digits.length() > 15) { j++; break; }
            }
            if (digits.length() >= 7) {
                for (int k = i; k < j; k++) used[k] = true;
                Mention m = parse(digits.toString(), region, i, j);
                if (m == null) unusable = true;
                else out.add(m);
                // every loop over caller input must advance: never restart on the same token
                i = Math.max(i, j - 1);
            }
        }
        for (int i = 0; i + 1 < ts.size(); i++) {
            if (callerPhrase(ts, i)) {
                // without a caller number only the call can settle "this number" (the flow asks for one): never the
                // model, which could only invent a number, and a cached invented number would outlive the call
                if (ctx.callerNumber() == null) continue;
                Mention m = parse(ctx.callerNumber().replaceAll("[^0-9+]", ""), region, i, i + 2);
                if (m != null) out.add(new Mention(Field.PHONE, m.value(), i, i + 2, 0.9));
            }
        }
        return unusable;
    }

    private static boolean startsRun(List<Token> ts, int i) {
        Token t = ts.get(i);
        if (t.kind() == Kind.NUMBER) return true;
        return t.isAny("double", "triple") && i + 1 < ts.size() && ts.get(i + 1).kind() == Kind.NUMBER;
    }

    /** "this number", "same number", "the number I'm calling from", "my caller id", "this phone". */
    private static boolean callerPhrase(List<Token> ts, int i) {
        Token a = ts.get(i), b = ts.get(i + 1);
        boolean one = b.kind() == Kind.NUMBER && b.original().equalsIgnoreCase("one");
        if (a.isAny("this", "same", "current") && (one || b.isAny("number", "phone", "cell"))) {
            if (one) {
                for (int k = Math.max(0, i - 3); k < i; k++) if (ts.get(k).isAny("number", "phone", "cell", "use")) return true;
                return false;
            }
            return true;
        }
        if (a.is("caller") && b.is("id")) return true;
        if (a.is("calling") && b.is("from") && i > 0 && ts.get(i - 1).isAny("i'm", "im", "am")) {
            // "the number I'm calling from": only when a number is being talked about
            for (int k = Math.max(0, i - 4); k < i; k++) if (ts.get(k).isAny("number", "phone", "cell")) return true;
        }
        return false;
    }

    /**
     * A number keyed in on the keypad, as Twilio posts it (digits only, the closing # left out): read the way a
     * said run of digits is, with the caller's region; null when it is no number (too short, too long, a '*').
     */
    static Mention keyed(String digits, String callerNumber) {
        if (digits == null || !KEYED.matcher(digits).matches()) return null;
        return parse(digits, regionOf(callerNumber), 0, 0);
    }

    private static Mention parse(String digits, String region, int start, int end) {
        // national reading first (the caller's country), then international ("44 20 7946 0018")
        Mention best = null;
        for (String candidate : new String[] {digits, digits.startsWith("+") ? null : "+" + digits}) {
            if (candidate == null) continue;
            try {
                PhoneNumber n = PHONES.parse(candidate, region);
                String e164 = PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
                if (PHONES.isValidNumber(n)) return new Mention(Field.PHONE, e164, start, end, 0.95);
                if (best == null && PHONES.isPossibleNumber(n) && digits.length() >= 10) {
                    best = new Mention(Field.PHONE, e164, start, end, 0.6);
                }
            } catch (NumberParseException e) {
                // try the next reading
            }
        }
        return best;
    }

    /** The caller's region decides how a 10-digit number is read; North America when unknown. */
    static String regionOf(String caller) {
        if (caller == null || caller.isBlank()) return "US";
        try {
            String r = PHONES.getRegionCodeForCountryCode(PHONES.parse(caller, "US").getCountryCode());
            return r == null || r.equals("ZZ") ? "US" : r;
        } catch (NumberParseException e) {
            return "US";
        }
    }

    static String e164(String number) {
        try {
            return PHONES.format(PHONES.parse(number, "US"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
