package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A bare answer to "may I have your name?": a name alone, or nothing. */
class BareNameTest {

    @Test
    void aCapitalisedNameWithTrailingPunctuation() {
        assertThat(BareName.in("Priya Patel.")).contains(new Extracted<>("Priya Patel", BareName.CONFIDENCE));
        assertThat(BareName.in("  Sam!  ")).contains(new Extracted<>("Sam", BareName.CONFIDENCE));
    }

    @Test
    void hyphensAndApostrophesBelongToTheName() {
        assertThat(BareName.in("Jean-Luc O'Neil")).contains(new Extracted<>("Jean-Luc O'Neil", BareName.CONFIDENCE));
        assertThat(BareName.in("Zoë Ångström")).map(Extracted::value).contains("Zoë Ångström");
    }

    @Test
    void aBareNameRanksBelowACuedOne() {
        assertThat(BareName.CONFIDENCE).isLessThan(LocalExtractor.CONFIDENT);
    }

    @Test
    void phrasesACallerSaysInsteadOfANameAreRefused() {
        for (String s : new String[] {"Sounds good", "Tomorrow please", "Tomorrow Please", "Yes", "Friday", "Hello",
                "Next Tuesday", "Thank You", "I'm Calling"}) {
            assertThat(BareName.in(s)).as(s).isEmpty();
        }
    }

    @Test
    void lowerCaseTextIsRefused() {
        assertThat(BareName.in("priya patel")).isEmpty();
        assertThat(BareName.in("Priya patel")).isEmpty();
    }

    @Test
    void fourOrMoreWordsAreRefused() {
        assertThat(BareName.in("Mary Anne Van Dyke")).isEmpty();
        assertThat(BareName.in("Anna Maria Van Der Berg")).isEmpty();
        assertThat(BareName.in("Mary Anne Dyke")).map(Extracted::value).contains("Mary Anne Dyke");
    }

    @Test
    void digitsAndEmptyAreRefused() {
        assertThat(BareName.in("555 0199")).isEmpty();
        assertThat(BareName.in("Room 101")).isEmpty();
        assertThat(BareName.in("")).isEmpty();
        assertThat(BareName.in(".")).isEmpty();
    }
}
