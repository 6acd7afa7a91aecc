package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * `bella cost report` on the shared FOCUS sample (read in place): three providers kept apart, totals exact to the
 * cent, the daily limit checked on the period's days, the gate's verdict in the report, and a month the file does
 * not cover refused. The expected figures were summed independently from the file (Python's Decimal over the
 * BilledCost column, per ProviderName): AWS 18.00663861840, Microsoft 1.97651418586, Oracle 0.53707392473, all
 * 20.52022672899; the highest AWS day 2024-09-18 (2.28790683970), the last 2024-09-30 (0.82993...), the first 20
 * days 8.89316280450.
 */
class SpendThatAddsUpCommandTest {

    static final Path FILE = dev.bella.spend.SharedData.dirOrMissing().resolve("focus-1.0-sample.csv");
    static final String TIGHT = "src/test/resources/fixtures/spec-tight-budget.yaml";

    @BeforeEach
    void needsTheSample() {
        Assumptions.assumeTrue(Files.isRegularFile(FILE), "SKIPPED: " + FILE + " is absent");
    }

    static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void providers_are_kept_apart_and_totals_are_the_exact_sums_rounded_once() throws IOException {
        CliRun run = CliRun.of("cost", "report", "--config", TIGHT, "--source", "focus:" + FILE, "--format", "json");
        assertThat(run.err()).isEmpty();
        JsonNode r = json(run);
        assertThat(r.at("/totals/aws").decimalValue()).isEqualByComparingTo("18.01");
        assertThat(r.at("/totals/otherClouds").decimalValue()).isEqualByComparingTo("2.51");
        assertThat(r.at("/totals/all").decimalValue()).isEqualByComparingTo("20.52");
        assertThat(r.at("/totals/byProvider/aws").decimalValue()).isEqualByComparingTo("18.01");
        assertThat(r.at("/totals/byProvider/microsoft").decimalValue()).isEqualByComparingTo("1.98");
        assertThat(r.at("/totals/byProvider/oracle").decimalValue()).isEqualByComparingTo("0.54");
        assertThat(r.at("/budget/monthlySpend").decimalValue()).isEqualByComparingTo("18.01");
        BigDecimal exact = BigDecimal.ZERO;
        int microsoft = 0;
        for (JsonNode cat : r.at("/environments/0/categories")) {
            for (JsonNode item : cat.path("items")) {
                exact = exact.add(item.path("amount").decimalValue());
                String provider = item.path("provider").asText();
                assertThat(provider).isIn("aws", "microsoft", "oracle");
                assertThat(item.path("description").asText().startsWith("Microsoft: ")).isEqualTo(provider.equals("microsoft"));
                microsoft += provider.equals("microsoft") ? 1 : 0;
            }
        }
        assertThat(microsoft).isPositive();
        // the lines carry the provider's amounts unrounded: they add up to the file's exact total
        assertThat(exact).isEqualByComparingTo("20.52022672899");
        CliRun table = CliRun.of("cost", "report", "--config", TIGHT, "--source", "focus:" + FILE);
        assertThat(table.out()).contains("Other clouds (in the total, not in AWS): microsoft $1.98, oracle $0.54");
    }

    @Test
    void the_daily_limit_is_checked_on_the_highest_day_and_shows_the_last_complete_day() throws IOException {
        CliRun run = CliRun.of("cost", "report", "--config", TIGHT, "--source", "focus:" + FILE, "--format", "json",
                "--fail-over", "daily");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("bella: daily AWS spend (highest day, 2024-09-18) $2.29 is over the daily limit "
                + "$2.00 by $0.29 (14.5%)\n");
        JsonNode b = json(run).path("budget");
        assertThat(b.path("dailySpend").decimalValue()).isEqualByComparingTo("2.29");
        assertThat(b.path("dailyStatus").asText()).isEqualTo("over");
        assertThat(b.at("/highestDay/day").asText()).isEqualTo("2024-09-18");
        assertThat(b.at("/lastCompleteDay/day").asText()).isEqualTo("2024-09-30");
        assertThat(b.at("/lastCompleteDay/aws").decimalValue()).isEqualByComparingTo("0.83");
        assertThat(b.at("/gate/status").asText()).isEqualTo("over");
    }

    @Test
    void the_written_report_states_the_forecast_verdict_the_exit_code_acts_on() throws IOException {
        String[] args = {"cost", "report", "--config", TIGHT, "--source", "focus:" + FILE, "--from", "2024-09-01",
                "--to", "2024-09-20", "--forecast", "--fail-over", "monthly"};
        CliRun run = CliRun.of(concat(args, "--format", "json"));
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode r = json(run);
        // the period's spend ($8.89) is under the $10 limit; the forecast month ($8.89 + 10 days at the run rate) is not
        assertThat(r.at("/budget/monthlySpend").decimalValue()).isEqualByComparingTo("8.89");
        assertThat(r.at("/budget/monthlyStatus").asText()).isEqualTo("under");
        assertThat(r.at("/forecast/monthTotal").decimalValue()).isEqualByComparingTo("13.34");
        assertThat(r.at("/budget/gate/basis").asText()).isEqualTo("forecast");
        assertThat(r.at("/budget/gate/status").asText()).isEqualTo("over");
        assertThat(r.at("/budget/gate/value").decimalValue()).isEqualByComparingTo("13.34");
        assertThat(run.err()).isEqualTo("bella: forecast month total (run-rate) $13.34 is over the monthly limit $10.00 "
                + "by $3.34 (33.4%)\n");
        for (String format : new String[] {"table", "markdown"}) {
            CliRun text = CliRun.of(concat(args, "--format", format));
            assertThat(text.exitCode()).as(format).isEqualTo(1);
            assertThat(text.out()).as(format).contains("Budget gate (--fail-over monthly, forecast): OVER: forecast month "
                    + "total (run-rate) $13.34 is over the monthly limit $10.00");
        }
    }

    @Test
    void a_month_the_file_does_not_cover_is_an_error_naming_the_files_days_not_a_zero_bill() {
        CliRun run = CliRun.of("cost", "report", "--config", TIGHT, "--source", "focus:" + FILE, "--month", "2026-12");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: " + FILE + ": no FOCUS rows in 2026-12; the file covers 2024-09-01 to "
                + "2024-09-30 (pass --month or --from/--to inside it, or no period for the file's days)\n");
        Path cur = FILE.resolveSibling("cur-legacy-sample.csv");
        CliRun curRun = CliRun.of("cost", "report", "--config", TIGHT, "--source", "cur:" + cur, "--month", "2026-12");
        assertThat(curRun.exitCode()).isEqualTo(2);
        assertThat(curRun.err()).startsWith("bella: " + cur + ": no legacy CUR rows in 2026-12; the file covers 2023-11-");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
