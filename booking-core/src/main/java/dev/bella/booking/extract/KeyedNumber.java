package dev.bella.booking.extract;

import java.util.Optional;

/**
 * A phone number the caller keyed in on the keypad. A keypad-only Gather has no speech charge, and digits need no
 * recognition: the number is read by the same rules as a said one ({@link PhoneGrammar}), without the extractor.
 */
public final class KeyedNumber {

    private KeyedNumber() {
    }

    /**
     * The number as E.164 ("5145550199" from a Montreal caller is +15145550199), with the confidence the spoken
     * reading would have had (a number that is only possible, not valid, is less sure); empty when the digits are
     * no number.
     */
    public static Optional<Extracted<String>> parse(String digits, String callerNumber) {
        Mention m = PhoneGrammar.keyed(digits, callerNumber);
        return m == null ? Optional.empty() : Optional.of(new Extracted<>((String) m.value(), m.confidence()));
    }
}
