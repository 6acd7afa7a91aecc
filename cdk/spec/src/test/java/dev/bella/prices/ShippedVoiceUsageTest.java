package dev.bella.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped spec's voice usage is the call-cost bench's measurement of the default flow
 * (bench/call-cost/after.tsv, docs/cost-model.md): a flow change that is measured but not written into
 * configs/bella.yaml, or averages edited without a measurement, fails here.
 */
class ShippedVoiceUsageTest {

    private static final Path SPEC = Path.of("..", "..", "configs", "bella.yaml");
    private static final Path AFTER = Path.of("..", "..", "bench", "call-cost", "after.tsv");
    private static final Path BEFORE = Path.of("..", "..", "bench", "call-cost", "before.tsv");
    private static final Pattern LEDGER = Pattern.compile("(?m)^ledger cost per call \\(USD\\) ([0-9.]+) over (\\d+)");
    private static final Pattern BOOKED = Pattern.compile("(?m)^booking success (\\d+)/(\\d+)");

    private final Spec spec = new SpecLoader().load(SPEC);

    @Test
    void theSpecsAverageCallPricesWithinFivePercentOfTheLedgerOnTheReplayedCorpus() throws IOException {
        Matcher ledger = LEDGER.matcher(Files.readString(AFTER));
        assertThat(ledger.find()).as("the ledger's cost per call in " + AFTER).isTrue();
        Usage prod = spec.environments().get("prod").usage();
        BigDecimal estimate = VoicePriceModel.of(spec.prices(), prod.llmModel()).perCall(prod.voice());
        assertThat(estimate).isCloseTo(new BigDecimal(ledger.group(1)), withinPercentage(5));
    }

    @Test
    void theMeasuredFlowBooksAtLeastAsManyCallsAsTheFlowBeforeIt() throws IOException {
        Matcher after = BOOKED.matcher(Files.readString(AFTER));
        Matcher before = BOOKED.matcher(Files.readString(BEFORE));
        assertThat(after.find() && before.find()).as("booking success in both bench files").isTrue();
        assertThat(after.group(2)).as("the same corpus").isEqualTo(before.group(2));
        assertThat(Integer.parseInt(after.group(1))).isGreaterThanOrEqualTo(Integer.parseInt(before.group(1)));
    }
}
