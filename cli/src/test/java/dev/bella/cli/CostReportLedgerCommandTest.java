package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.spend.TestLedger;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FOCUS file plus the booking ledger on a real PostgreSQL, end to end through the command line. */
class CostReportLedgerCommandTest {

    static TestLedger ledger;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException, SQLException {
        StringBuilder insert = new StringBuilder("insert into call_costs(call_sid, started_at, twilio_minutes, "
                + "llm_calls, llm_tokens_in, llm_tokens_out) values ");
        for (int i = 0; i < 40; i++) {
            insert.append(i == 0 ? "" : ",").append("('CA").append(i).append("', '2026-10-")
                    .append(String.format("%02d", 1 + i % 28)).append("T15:00:00Z', 2.50, 1, 600, 120)");
        }
        ledger = TestLedger.start(insert.toString());
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void cost_per_call_uses_the_ledgers_calls_and_tokens() throws IOException {
        Path focus = dir.resolve("focus.csv");
        Files.writeString(focus, "BilledCost,ChargeCategory,ChargePeriodStart,ServiceName\n"
                + "3.00,Usage,2026-10-01T00:00:00Z,Amazon Elastic Container Service\n"
                + "1.00,Usage,2026-10-31T00:00:00Z,Amazon Relational Database Service\n");
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "focus:" + focus,
                "--month", "2026-10", "--ledger-url", ledger.jdbcUrl(), "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.at("/costPerCall/calls").asLong()).isEqualTo(40);
        BigDecimal thirdParty = r.at("/totals/thirdParty").decimalValue();
        assertThat(r.toString()).contains("openai-input-tokens", "twilio-minutes-ledger");
        assertThat(thirdParty).isPositive();
        BigDecimal expected = new BigDecimal("4.00").add(thirdParty).divide(BigDecimal.valueOf(40), 4, RoundingMode.HALF_UP);
        assertThat(r.at("/costPerCall/value").decimalValue()).isEqualByComparingTo(expected);
        assertThat(r.at("/costPerCall/target").decimalValue()).isEqualByComparingTo("0.05");
    }
}
