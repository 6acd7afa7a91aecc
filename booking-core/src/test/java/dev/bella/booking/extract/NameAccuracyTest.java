package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Name accuracy of the local tier on a held-out set written after the issue-14 grammar change (disfluencies, false
 * starts, hyphens, apostrophes, leading names, "this is … calling", bare answers), read the way the call flow
 * reads a name: the grammar first, and the bare-name reading when the utterance gave nothing else.
 */
class NameAccuracyTest {

    private final LocalExtractor local = new LocalExtractor();
    private final UtteranceContext ctx = UtteranceContext.of(Instant.parse("2026-12-07T14:00:00Z"),
            ZoneId.of("America/Toronto"), "+15145550100");

    @Test
    void atLeastNinetyFivePercentOfHeldOutNamesAreReadExactlyAsSaid() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/extraction/names-holdout.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
        List<String> misses = new ArrayList<>();
        for (String[] row : rows) {
            String got = read(row[0]);
            if (!row[1].equals(got)) {
                misses.add(row[0] + " -> " + got + " (expected " + row[1] + ")");
            }
        }
        double accuracy = 1.0 - misses.size() / (double) rows.size();
        System.out.printf("name accuracy %.3f on %d held-out utterances; misses:%n  %s%n", accuracy, rows.size(),
                String.join("\n  ", misses));
        assertThat(accuracy).as("misses: %s", misses).isGreaterThanOrEqualTo(0.95);
    }

    private String read(String utterance) {
        ExtractionResult r = local.extract(utterance, ctx);
        Object name = r.value(Field.NAME);
        if (name != null) {
            return name.toString();
        }
        boolean nothing = r.value(Field.DATE) == null && r.value(Field.TIME) == null && r.value(Field.PHONE) == null;
        return nothing ? BareName.in(utterance).map(Extracted::value).orElse(null) : null;
    }
}
