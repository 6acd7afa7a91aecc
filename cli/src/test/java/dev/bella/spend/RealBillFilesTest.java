package dev.bella.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.spec.Budget;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The importers on real, third-party exports, read in place from ../shared/data (never copied into the
 * project). Totals are checked against a sum this test computes on its own, with a plain split that only
 * works because these two files have no quoted line breaks.
 */
class RealBillFilesTest {

    /** shared/data beside the checkout or a folder above it (SharedData). */
    static final Path DATA = dev.bella.spend.SharedData.dirOrMissing();

    @BeforeAll
    static void needsTheSharedData() {
        if (!Files.isDirectory(DATA)) {
            System.out.println("SKIPPED RealBillFilesTest: " + DATA.toAbsolutePath().normalize() + " is absent");
        }
        Assumptions.assumeTrue(Files.isDirectory(DATA), "shared data folder absent: " + DATA.toAbsolutePath());
    }

    /** A naive CSV split for files without quoted commas in the columns asked for: good enough as a cross-check. */
    static BigDecimal columnSum(Path file, String column) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            List<String> header = splitQuoted(in.readLine());
            int at = header.indexOf(column);
            BigDecimal sum = BigDecimal.ZERO;
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                String v = splitQuoted(l).get(at);
                if (!v.isEmpty() && !v.equals("NULL")) {
                    sum = sum.add(new BigDecimal(v));
                }
            }
            return sum;
        }
    }

    private static List<String> splitQuoted(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    @Test
    void focus_sample_sums_to_its_billed_cost_column() throws IOException {
        Path file = DATA.resolve("focus-1.0-sample.csv");
        Spend s = new FocusFile(file, BillFilesTest.CATEGORIES).fetch(BillFilesTest.open());
        assertThat(s.imported().orElseThrow().rows()).isEqualTo(1000);
        assertThat(s.imported().orElseThrow().malformed()).isZero();
        assertThat(s.total()).isEqualByComparingTo(columnSum(file, "BilledCost"));
        assertThat(s.lines().keySet()).anyMatch(k -> k.kind() == ChargeKind.CREDIT);
        assertThat(s.lines().keySet()).anyMatch(k -> k.kind() == ChargeKind.ADJUSTMENT);
        assertThat(s.lines().keySet()).anyMatch(k -> k.service().equals("Amazon Relational Database Service")
                && k.category() == Category.DATABASE);
        assertThat(s.period().start().getMonthValue()).isEqualTo(9);
        // EffectiveCost too
        SpendQuery amortized = new SpendQuery(SpendPeriod.fileDays(), true, Metric.AMORTIZED, SpendQuery.Split.ENVIRONMENT,
                Optional.empty(), false, false);
        assertThat(new FocusFile(file, BillFilesTest.CATEGORIES).fetch(amortized).total())
                .isEqualByComparingTo(columnSum(file, "EffectiveCost"));
    }

    @Test
    void cur_sample_sums_to_its_unblended_cost_column_with_taxes_as_their_own_lines() throws IOException {
        Path file = DATA.resolve("cur-legacy-sample.csv");
        Spend s = new CurFile(file, BillFilesTest.CATEGORIES).fetch(BillFilesTest.open());
        assertThat(s.imported().orElseThrow().rows()).isEqualTo(1281);
        assertThat(s.total()).isEqualByComparingTo(columnSum(file, "lineItem/UnblendedCost"));
        assertThat(s.lines().keySet()).filteredOn(k -> k.kind() == ChargeKind.TAX).hasSizeGreaterThan(5)
                .allMatch(k -> k.category() == Category.OTHER);
        assertThat(s.lines().keySet()).anyMatch(k -> k.service().equals("AmazonS3") && k.category() == Category.STORAGE_AND_LOGS);
    }

    @Test
    void a_report_built_from_the_cur_sample_adds_up() {
        Spend s = new CurFile(DATA.resolve("cur-legacy-sample.csv"), BillFilesTest.CATEGORIES).fetch(BillFilesTest.open());
        CostReport r = SpendReportBuilder.build(s, ThirdPartyCosts.NONE, Budget.NONE, "test", Optional.empty());
        long lines = r.environments().stream().flatMap(e -> e.categories().stream()).mapToLong(c -> c.items().size()).sum();
        // each line is rounded to the cent once: the report total is within half a cent per line of the exact sum
        assertThat(r.awsTotal().subtract(s.total()).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(lines)));
        assertThat(r.daily()).isNotEmpty();
        assertThat(r.source()).isEqualTo("cur");
    }
}
