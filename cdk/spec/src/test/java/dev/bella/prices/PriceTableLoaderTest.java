package dev.bella.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.yaml.ConfigException;
import dev.bella.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableLoaderTest {

    @TempDir
    Path dir;

    private final PriceTableLoader loader = new PriceTableLoader();

    /** A valid table; each test breaks one line of it. */
    private static final String SOURCE = """
              fargate: {url: "https://aws.amazon.com/fargate/pricing/", retrieved: 2026-11-02}
            """;
    private static final String ENTRY = """
              fargate.x86.vcpu-hour: {price: 0.04456, unit: vCPU-hour, source: fargate}
            """;

    private Path write(String source, String entry) throws IOException {
        Path file = dir.resolve("aws-ca-central-1.yaml");
        Files.writeString(file, "region: ca-central-1\ncurrency: USD\nsources:\n" + source + "prices:\n" + entry);
        return file;
    }

    private ConfigException failure(String source, String entry) throws IOException {
        Path file = write(source, entry);
        return (ConfigException) assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class).actual();
    }

    private String at(int line, int column) {
        return dir.resolve("aws-ca-central-1.yaml") + ":" + line + ":" + column;
    }

    @Test
    void readsAValidTableWithTheSourceDateAndTheNote() throws IOException {
        PriceTable t = loader.load(write(SOURCE, """
                  fargate.x86.vcpu-hour: {price: 0.04456, unit: vCPU-hour, source: fargate, note: "Linux"}
                  fargate.x86.gb-hour: {price: 0.00489, unit: GB-hour, source: fargate, date: 2026-11-20}
                """));
        PriceEntry cpu = t.entry("fargate.x86.vcpu-hour");
        assertThat(cpu.price()).isEqualByComparingTo("0.04456");
        assertThat(cpu.url()).isEqualTo("https://aws.amazon.com/fargate/pricing/");
        assertThat(cpu.date()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(cpu.note()).isEqualTo("Linux");
        assertThat(t.entry("fargate.x86.gb-hour").date()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(t.entry("fargate.x86.gb-hour").note()).isNull();
    }

    @Test
    void anUnknownKeyInAnEntryIsAnErrorAtThatKey() throws IOException {
        ConfigException e = failure(SOURCE, """
                  fargate.x86.vcpu-hour: {price: 0.04456, unit: vCPU-hour, source: fargate, cost: 1}
                """);
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(at(6, 77)
                + ": price table.prices.fargate.x86.vcpu-hour: unknown key 'cost'"
                + " (expected one of: price, unit, source, date, note)");
    }

    @Test
    void aNegativePriceIsAnErrorAtTheValue() throws IOException {
        ConfigException e = failure(SOURCE, """
                  fargate.x86.vcpu-hour: {price: -0.04456, unit: vCPU-hour, source: fargate}
                """);
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(at(6, 34)
                + ": price table.prices.fargate.x86.vcpu-hour.price: expected a number of at least 0, found -0.04456");
    }

    @Test
    void anUnknownSourceIsAnErrorThatNamesTheKnownOnes() throws IOException {
        ConfigException e = failure(SOURCE, """
                  fargate.x86.vcpu-hour: {price: 0.04456, unit: vCPU-hour, source: fargat}
                """);
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(at(6, 60)
                + ": price table.prices.fargate.x86.vcpu-hour.source: unknown source 'fargat'"
                + " (expected one of: fargate)");
    }

    @Test
    void aBadRetrievedDateIsAnErrorAtItsKey() throws IOException {
        ConfigException e = failure("""
                  fargate: {url: "https://aws.amazon.com/fargate/pricing/", retrieved: 2026-11-31}
                """, ENTRY);
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(at(4, 61)
                + ": price table.sources.fargate.retrieved: expected a date YYYY-MM-DD, found '2026-11-31'");
    }

    @Test
    void aBadEntryDateIsAnErrorAtItsKey() throws IOException {
        ConfigException e = failure(SOURCE, """
                  fargate.x86.vcpu-hour: {price: 0.04456, unit: vCPU-hour, source: fargate, date: 02/11/2026}
                """);
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(at(6, 77)
                + ": price table.prices.fargate.x86.vcpu-hour.date: expected a date YYYY-MM-DD, found '02/11/2026'");
    }

    @Test
    void everyProblemIsReportedInOnePass() throws IOException {
        ConfigException e = failure(SOURCE, """
                  fargate.x86.vcpu-hour: {price: -1, unit: vCPU-hour, source: nowhere}
                  fargate.x86.gb-hour: {unit: GB-hour, source: fargate}
                """);
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith(at(6, 34) + ":").endsWith("(and 2 more)");
        assertThat(e.problems().get(2).toString()).isEqualTo(at(7, 24)
                + ": price table.prices.fargate.x86.gb-hour: missing required key 'price' (a number, 0 or more)");
    }

    @Test
    void aTableReadAgainIsTheOneAlreadyReadAndCannotBeChanged() {
        PriceTable first = loader.bundled("ca-central-1").orElseThrow();
        assertThat(loader.bundled("ca-central-1")).containsSame(first);
        String text = "region: ca-central-1\nsources:\n" + SOURCE + "prices:\n" + ENTRY;
        PriceTable parsed = loader.parse(text, "t.yaml");
        assertThat(loader.parse(text, "t.yaml")).isSameAs(parsed);
        // the label is part of what was read: every entry's position names it
        assertThat(loader.parse(text, "other.yaml").entry("fargate.x86.vcpu-hour").definedAt().toString())
                .isEqualTo("other.yaml:5:26");
        assertThatThrownBy(() -> first.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new PriceTableLoader().bundled("ca-central-1")).containsSame(first); // a resource of the jar: read once
    }

    @Test
    void aTableWithProblemsIsReportedEveryTimeItIsRead() {
        String text = "region: ca-central-1\nsources:\n" + SOURCE + "prices:\n"
                + "  fargate.x86.vcpu-hour: {price: -1, unit: vCPU-hour, source: fargate}\n";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> loader.parse(text, "bad.yaml")).isInstanceOf(ConfigException.class);
        }
    }
}
