package dev.bella.booking.extract;

import java.util.List;
import java.util.Random;

/**
 * Generated caller utterances for the randomized tests and the slowest-utterance benchmark: long digit runs,
 * repeated words, every grammar keyword, punctuation and unicode, in random order. Seeded, so a failure
 * reproduces from its seed.
 */
final class Utterances {

    /** Every word a grammar looks for, so each branch of each grammar gets exercised. */
    static final List<String> KEYWORDS = List.of(("a able about actually after afternoon again all am an and any"
            + " appointment april are around as asap at aug august available back be before besides better birthday"
            + " book booking boxing busy but by bye call caller calling can can't cancel cannot cell change checkup"
            + " christmas cleaning clock closed color consult consultation correct correction could couldn't current"
            + " dash date day days dec december did do doctor doesn't don't double down dr earlier early easter eight"
            + " eighteen eighteenth eighth eighty eleven eleventh er estimate eve evening except facial feb february"
            + " few fifteen fifth fifty first five following fool's for fortnight forty four fourteen fourth free"
            + " friday from get good haircut half halloween have hello hi highlights hmm holiday hour hours how i i'd"
            + " i'm id in instead is isn't it it's jan january july june just last late later let's like lunch"
            + " lunchtime m make manicure march massage may maybe me mean meant midday midnight minute minutes miss"
            + " mister mon monday month morning mr mrs ms my n't name name's never new next night nine nineteen ninth"
            + " no noon nope not nov november number o o'clock oclock oct october of off oh ok okay on one or our"
            + " past pedicure perfect phone physio please plus pm quarter rather repeat reschedule right same sat"
            + " saturday say scratch second sept september seven seventeen seventh seventy shave six sixteen sixth"
            + " sixty slot sorry speaking spell st sun sunday sure switch ten tenth than thanks thanksgiving that the"
            + " then third thirteen thirtieth thirty this three thurs thursday til till time today tomorrow tonight"
            + " trim triple tues tuesday tune twelfth twelve twentieth twenty two uh um until use vaccination valentine's"
            + " wait want wednesday weds week weekend well what when which will with won't work works would wrong"
            + " yeah year yes you your zero").split(" "));

    private static final List<String> ODD = List.of(",", ".", "?", "!", "-", "--", "/", ":", "'", "’", "+", "#",
            "(", ")", "12:30", "3.15", "10/11", "2030-01-03", "1st", "22nd", "99th", "0", "00", "007", "é", "José",
            "Zoë", "北京", "Привет", "😀", "\u200b", "\t", "ﬁ", "İ", "ß", "٣", "१२", "Ⅻ", "½");

    private final Random random;

    Utterances(long seed) {
        this.random = new Random(seed);
    }

    String next() {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 16);
        for (int p = 0; p < parts; p++) {
            if (p > 0 && random.nextInt(6) != 0) sb.append(' ');
            switch (random.nextInt(7)) {
                case 0 -> sb.append(digits(1 + random.nextInt(random.nextBoolean() ? 12 : 64)));
                case 1 -> sb.append(repeated());
                case 2 -> sb.append(ODD.get(random.nextInt(ODD.size())));
                case 3 -> sb.append(digitGroups());
                default -> sb.append(keyword());
            }
        }
        return sb.toString();
    }

    private String keyword() {
        String w = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
        return random.nextInt(4) == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        char same = (char) ('0' + random.nextInt(10));
        boolean repeat = random.nextInt(3) == 0;
        for (int i = 0; i < n; i++) sb.append(repeat ? same : (char) ('0' + random.nextInt(10)));
        return sb.toString();
    }

    /** "five five five five ...", "double double 5", "one one one one": words a phone reading loops over. */
    private String repeated() {
        String w = random.nextBoolean() ? keyword() : List.of("double", "triple", "oh", "dash", "plus", "five",
                "one", "0", "9", "twenty").get(random.nextInt(10));
        int n = 2 + random.nextInt(random.nextInt(5) == 0 ? 60 : 8);
        return String.join(random.nextBoolean() ? " " : "-", java.util.Collections.nCopies(n, w));
    }

    /** How numbers are written and said: "(416) 555-0123", "+1 416 555 0123", "416.555.0123". */
    private String digitGroups() {
        return switch (random.nextInt(4)) {
            case 0 -> "(" + digits(3) + ") " + digits(3) + "-" + digits(4);
            case 1 -> "+" + digits(1 + random.nextInt(3)) + " " + digits(3) + " " + digits(3) + " " + digits(4);
            case 2 -> digits(3) + "." + digits(3) + "." + digits(4);
            default -> digits(4) + " " + digits(4) + " " + digits(4) + " " + digits(4);
        };
    }
}
