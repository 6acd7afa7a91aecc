package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The labelled sets are data the figures rest on: check their shape, and guard the goals on the development set. */
class DevSetTest {

    @Test
    void developmentSetIsLargeVariedAndWellFormed() {
        DevSet set = DevSet.load();
        assertThat(set.items()).hasSizeGreaterThanOrEqualTo(300);
        wellFormed(set);
        long negatives = set.items().stream().filter(i -> i.expected().values().stream().allMatch(v -> v == null)).count();
        assertThat(negatives).as("no-information, negative and vague turns").isGreaterThanOrEqualTo(40);
        assertThat(set.items().stream().map(i -> i.context().zone()).distinct().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void holdoutSetIsWellFormed() {
        wellFormed(DevSet.holdout());
    }

    private static void wellFormed(DevSet set) {
        Set<String> ids = new HashSet<>();
        for (DevSet.Item it : set.items()) {
            assertThat(ids.add(it.id())).as("unique id " + it.id()).isTrue();
            assertThat(it.text()).isNotNull();
            String d = it.expected().get(Field.DATE), t = it.expected().get(Field.TIME), p = it.expected().get(Field.PHONE);
            if (d != null) LocalDate.parse(d);
            if (t != null) assertThat(LocalTime.parse(t).toString()).as(it.id()).isEqualTo(t);
            if (p != null) assertThat(p).as(it.id()).matches("\\+[1-9]\\d{7,14}");
        }
    }

    @Test
    void localTierMeetsTheGoalsOnTheDevelopmentSet() {
        ExtractionEvaluation.Scores s = ExtractionEvaluation.score(DevSet.load(), new LocalExtractor(),
                TieredExtraction.Policy.DEFAULT);
        assertThat(s.coverage()).as("local coverage").isGreaterThanOrEqualTo(0.90);
        assertThat(s.localAccuracy()).as("field accuracy on locally handled utterances").isGreaterThanOrEqualTo(0.97);
    }
}
