package dev.bella.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.report.Category;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FOCUS and CUR imports on small files built here, with every total checked against a sum done by hand. */
class BillFilesTest {

    static final ServiceCategories CATEGORIES = ServiceCategories.bundled();

    @TempDir
    Path dir;

    static SpendQuery query(SpendPeriod period) {
        return new SpendQuery(period, true, Metric.UNBLENDED, SpendQuery.Split.NONE, Optional.empty(), false, false);
    }

    static SpendQuery open() {
        return query(SpendPeriod.fileDays());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path gzip(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private static BigDecimal line(Spend s, String service, ChargeKind kind) {
        return s.lines().entrySet().stream().filter(e -> e.getKey().service().equals(service) && e.getKey().kind() == kind)
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static final String FOCUS_HEADER = "BilledCost,EffectiveCost,ChargeCategory,ChargePeriodStart,ServiceName,"
            + "ServiceCategory,ProviderName,CommitmentDiscountCategory,SubAccountId,Tags\n";

    // the quirks of the real export: NULL tokens and empty fields, a negative credit, a commitment purchase,
    // tags as a JSON string with commas and doubled quotes, a quoted field with a line break
    static final String FOCUS = FOCUS_HEADER
            + "1.25,1.25,Usage,2026-10-01 00:00:00,Amazon Elastic Container Service,Compute,AWS,NULL,111,"
            + "\"{\"\"user:Environment\"\":\"\"prod\"\",\"\"team\"\":\"\"voice\"\"}\"\n"
            + "0.75,0.75,Usage,2026-10-01 05:00:00,Amazon Elastic Container Service,Compute,AWS,,111,"
            + "\"{\"\"Environment\"\":\"\"dev\"\"}\"\n"
            + "2.10,1.90,Usage,2026-10-02T00:00:00Z,Amazon Relational Database Service,Databases,AWS,NULL,111,NULL\n"
            + "-0.50,-0.50,Credit,2026-10-02 00:00:00,Amazon Relational Database Service,Databases,AWS,NULL,111,NULL\n"
            + "30.00,0,Purchase,2026-10-01 00:00:00,Savings Plans for AWS Compute usage,Compute,AWS,Spend,111,NULL\n"
            + "0.33,0.33,Tax,2026-10-02 00:00:00,NULL,NULL,AWS,NULL,111,NULL\n"
            + "4.00,4.00,Usage,2026-10-03 00:00:00,Amazon Brand New Service,\"Other,\nstill other\",AWS,NULL,222,NULL\n"
            + "0.05,0.05,Usage,2026-10-03 00:00:00,Virtual Machines,Compute,Microsoft,NULL,333,NULL\n";

    @Test
    void focus_totals_match_a_hand_sum_and_non_usage_charges_keep_their_own_lines() throws IOException {
        Spend s = new FocusFile(write("focus.csv", FOCUS), CATEGORIES).fetch(open());
        BigDecimal byHand = new BigDecimal("1.25").add(new BigDecimal("0.75")).add(new BigDecimal("2.10"))
                .add(new BigDecimal("-0.50")).add(new BigDecimal("30.00")).add(new BigDecimal("0.33"))
                .add(new BigDecimal("4.00")).add(new BigDecimal("0.05"));
        assertThat(s.total()).isEqualByComparingTo(byHand);
        assertThat(line(s, "Amazon Relational Database Service", ChargeKind.CREDIT)).isEqualByComparingTo("-0.50");
        assertThat(line(s, "Amazon Relational Database Service", ChargeKind.USAGE)).isEqualByComparingTo("2.10");
        assertThat(line(s, "Savings Plans for AWS Compute usage", ChargeKind.COMMITMENT_PURCHASE)).isEqualByComparingTo("30.00");
        assertThat(line(s, "Tax", ChargeKind.TAX)).isEqualByComparingTo("0.33");
        assertThat(s.period().start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(s.period().endExclusive()).isEqualTo(LocalDate.of(2026, 10, 4));
        assertThat(s.daily().get(LocalDate.of(2026, 10, 1))).isEqualByComparingTo("32.00");
        // the daily figures are AWS's (the daily budget is an AWS limit): Microsoft's 0.05 is not in them
        assertThat(s.daily().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(byHand.subtract(new BigDecimal("0.05")));
        assertThat(s.lines().keySet()).filteredOn(k -> k.service().startsWith("Microsoft: ")).singleElement()
                .extracting(Spend.Key::provider).isEqualTo("microsoft");
        assertThat(s.lines().keySet()).filteredOn(k -> !k.service().startsWith("Microsoft: "))
                .allMatch(k -> k.provider().equals("aws"));
        Map<String, Category> cats = s.lines().keySet().stream()
                .collect(Collectors.toMap(k -> k.service() + "/" + k.kind(), Spend.Key::category));
        assertThat(cats).containsEntry("Amazon Elastic Container Service/USAGE", Category.COMPUTE)
                .containsEntry("Amazon Relational Database Service/CREDIT", Category.DATABASE)
                .containsEntry("Tax/TAX", Category.OTHER)
                .containsEntry("Amazon Brand New Service/USAGE", Category.OTHER)   // unknown: kept, under other
                .containsEntry("Microsoft: Virtual Machines/USAGE", Category.COMPUTE); // FOCUS ServiceCategory fallback
    }

    @Test
    void focus_amortized_reads_effective_cost_and_splits_by_the_environment_tag() throws IOException {
        SpendQuery q = new SpendQuery(SpendPeriod.fileDays(), true, Metric.AMORTIZED, SpendQuery.Split.ENVIRONMENT,
                Optional.empty(), false, false);
        Spend s = new FocusFile(gzip("focus.csv.renamed", FOCUS), CATEGORIES).fetch(q);
        assertThat(s.total()).isEqualByComparingTo("7.78"); // 1.25+0.75+1.90-0.50+0+0.33+4.00+0.05
        Map<String, BigDecimal> byEnv = s.lines().entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().environment(), Collectors.reducing(BigDecimal.ZERO, Map.Entry::getValue, BigDecimal::add)));
        assertThat(byEnv.get("prod")).isEqualByComparingTo("1.25");
        assertThat(byEnv.get("dev")).isEqualByComparingTo("0.75");
        assertThat(byEnv.get(SpendQuery.UNTAGGED)).isEqualByComparingTo("5.78");
    }

    @Test
    void a_period_keeps_only_its_days_and_counts_the_rest() throws IOException {
        Spend s = new FocusFile(write("focus.csv", FOCUS), CATEGORIES)
                .fetch(query(SpendPeriod.between(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 3))));
        assertThat(s.total()).isEqualByComparingTo("1.93"); // 2.10 - 0.50 + 0.33
        assertThat(s.imported().orElseThrow().outsidePeriod()).isEqualTo(5);
    }

    @Test
    void a_malformed_row_stops_the_import_with_its_line_number() throws IOException {
        // line 2 spans two physical lines; the bad row is the record that starts on line 4
        Path f = write("bad.csv", FOCUS_HEADER
                + "1,1,Usage,2026-10-01,AWS Lambda,\"Compute\nmore\",AWS,,1,\n"
                + "abc,1,Usage,2026-10-01,AWS Lambda,Compute,AWS,,1,\n"
                + "2,2,Usage,2026-10-01,AWS Lambda,Compute,AWS,,1,\n");
        assertThatThrownBy(() -> new FocusFile(f, CATEGORIES).fetch(open()))
                .isInstanceOf(SpendException.class)
                .hasMessageContaining("bad.csv:4: BilledCost: expected a number, found 'abc'")
                .hasMessageContaining("--lenient");
    }

    @Test
    void lenient_counts_malformed_rows_and_sums_the_rest() throws IOException {
        Path f = write("bad.csv", FOCUS_HEADER
                + "1,1,Usage,2026-10-01,AWS Lambda,Compute,AWS,,1,\n"
                + "1,1,Usage,not-a-date,AWS Lambda,Compute,AWS,,1,\n"
                + "1,1,Usage,2026-10-01,AWS Lambda\n"
                + "1,1,Refund?,2026-10-01,AWS Lambda,Compute,AWS,,1,\n"
                + "2,2,Usage,2026-10-01,AWS Lambda,Compute,AWS,,1,\n");
        SpendQuery q = new SpendQuery(SpendPeriod.fileDays(), true, Metric.UNBLENDED, SpendQuery.Split.NONE,
                Optional.empty(), true, false);
        Spend s = new FocusFile(f, CATEGORIES).fetch(q);
        assertThat(s.total()).isEqualByComparingTo("3");
        Spend.Import imp = s.imported().orElseThrow();
        assertThat(imp.rows()).isEqualTo(5);
        assertThat(imp.malformed()).isEqualTo(3);
        assertThat(imp.firstProblem().orElseThrow()).contains("bad.csv:3: ChargePeriodStart");
        assertThat(s.notes()).anyMatch(n -> n.contains("3 malformed skipped"));
    }

    @Test
    void the_wrong_format_is_named() throws IOException {
        Path cur = write("cur.csv", CUR_HEADER + "\n");
        assertThatThrownBy(() -> new FocusFile(cur, CATEGORIES).fetch(open()))
                .hasMessageContaining("not a FOCUS file: missing column(s) BilledCost")
                .hasMessageContaining("use --source cur:FILE");
        assertThatThrownBy(() -> new CurFile(write("f.csv", FOCUS), CATEGORIES).fetch(open()))
                .hasMessageContaining("use --source focus:FILE");
        assertThatThrownBy(() -> new CurFile(dir.resolve("nope.csv"), CATEGORIES).fetch(open()))
                .hasMessageContaining("file not found");
        assertThatThrownBy(() -> new CurFile(write("unterminated.csv", CUR_HEADER + "\"abc,1\n"), CATEGORIES).fetch(open()))
                .hasMessageContaining("unterminated.csv:2: unterminated quoted field");
    }

    static final String CUR_HEADER = "identity/LineItemId,lineItem/UsageAccountId,lineItem/LineItemType,"
            + "lineItem/UsageStartDate,lineItem/ProductCode,lineItem/UnblendedCost,product/servicecode,"
            + "savingsPlan/SavingsPlanEffectiveCost,reservation/EffectiveCost,resourceTags/user:Environment\n";

    static final String CUR = CUR_HEADER
            + "a,111,Usage,2026-10-01T00:00:00Z,AmazonECS,1.5E-1,AmazonECS,,,prod\n"
            + "a,111,Usage,2026-10-01T01:00:00Z,AmazonS3,5.0E-9,AWSDataTransfer,,,prod\n"
            + "b,111,Tax,2026-10-01T00:00:00Z,AmazonS3,0.02,,,,\n"
            + "c,111,Credit,2026-10-02T00:00:00Z,AmazonRDS,-1.00,AmazonRDS,,,\n"
            + "d,111,Refund,2026-10-02T00:00:00Z,AmazonRDS,-0.25,AmazonRDS,,,\n"
            + "e,111,SavingsPlanCoveredUsage,2026-10-02T00:00:00Z,AmazonECS,0.40,AmazonECS,0.28,,dev\n"
            + "f,111,SavingsPlanNegation,2026-10-02T00:00:00Z,AmazonECS,-0.40,AmazonECS,,,dev\n"
            + "g,111,SavingsPlanRecurringFee,2026-10-02T00:00:00Z,ComputeSavingsPlans,0.30,ComputeSavingsPlans,,,\n"
            + "h,111,Usage,2026-10-02T00:00:00Z,AmazonElastiCache,0.70,AmazonElastiCache,,,\n";

    @Test
    void cur_totals_match_a_hand_sum_with_scientific_notation_and_taxes_without_a_service_code() throws IOException {
        Spend s = new CurFile(write("cur.csv", CUR), CATEGORIES).fetch(open());
        BigDecimal byHand = new BigDecimal("0.15").add(new BigDecimal("0.000000005")).add(new BigDecimal("0.02"))
                .add(new BigDecimal("-1.00")).add(new BigDecimal("-0.25")).add(new BigDecimal("0.40"))
                .add(new BigDecimal("-0.40")).add(new BigDecimal("0.30")).add(new BigDecimal("0.70"));
        assertThat(s.total()).isEqualByComparingTo(byHand);
        assertThat(line(s, "AmazonS3", ChargeKind.TAX)).isEqualByComparingTo("0.02");
        assertThat(line(s, "AmazonRDS", ChargeKind.CREDIT)).isEqualByComparingTo("-1.00");
        assertThat(line(s, "AmazonRDS", ChargeKind.REFUND)).isEqualByComparingTo("-0.25");
        assertThat(line(s, "ComputeSavingsPlans", ChargeKind.COMMITMENT_PURCHASE)).isEqualByComparingTo("0.30");
        assertThat(line(s, "AmazonECS", ChargeKind.DISCOUNT)).isEqualByComparingTo("-0.40");
        assertThat(s.lines().keySet()).anyMatch(k -> k.service().equals("AmazonElastiCache") && k.category() == Category.CACHE);
    }

    @Test
    void cur_amortized_moves_commitments_onto_the_usage_they_cover() throws IOException {
        SpendQuery q = new SpendQuery(SpendPeriod.month(YearMonth.of(2026, 10)), true, Metric.AMORTIZED,
                SpendQuery.Split.ENVIRONMENT, Optional.empty(), false, false);
        Spend s = new CurFile(write("cur.csv", CUR), CATEGORIES).fetch(q);
        // 0.15 + 5e-9 + 0.02 - 1.00 - 0.25 + 0.28 (effective) + 0 (negation) + 0 (fee) + 0.70
        assertThat(s.total()).isEqualByComparingTo(new BigDecimal("-0.099999995"));
        assertThat(s.lines().keySet()).extracting(Spend.Key::environment).contains("prod", "dev", SpendQuery.UNTAGGED);
        assertThat(s.period().label()).isEqualTo("2026-10");
    }
}
