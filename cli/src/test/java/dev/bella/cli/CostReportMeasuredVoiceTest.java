package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bella.spend.TestLedger;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The estimate with --ledger-url: the voice usage of an average call comes from what the booking service measured
 * (issue 14), and a bad ledger fails the estimate instead of being ignored.
 */
class CostReportMeasuredVoiceTest {

    static TestLedger ledger;

    @BeforeAll
    static void start() throws IOException, SQLException {
        // 10 priced calls: 1 billed minute, 2 speech Gathers of 1 block and 1 keypad Gather each;
        // and one call still in progress (not priced), which the averages leave out
        StringBuilder insert = new StringBuilder("insert into call_costs(call_sid, started_at, duration_seconds, "
                + "twilio_minutes, billed_minutes, speech_gathers, keypad_gathers, speech_blocks, reprompts, minutes_usd,"
                + " speech_usd, llm_usd, cost_usd) values ");
        for (int i = 0; i < 10; i++) {
            insert.append(i == 0 ? "" : ",").append("('CA").append(i)
                    .append("', '2026-11-0").append(1 + i % 9).append("T15:00:00Z', 40, 1.00, 1, 2, 1, 2, 0,")
                    .append(" 0.0085, 0.04, 0, 0.0485)");
        }
        insert.append(", ('CA-open', '2026-11-20T15:00:00Z', null, null, null, null, null, null, null, null, null,"
                + " null, null)");
        // each priced call's keypad Gather: 3 of the 10 got no key (the caller said "yes" to "press 1"); the call in
        // progress let one go by too, but only priced calls count
        StringBuilder gathers = new StringBuilder("insert into call_gathers(call_sid, seq, input_mode, prompt_chars,"
                + " prompt_seconds, reprompt, asked_at, answered_by) values ");
        for (int i = 0; i < 10; i++) {
            gathers.append(i == 0 ? "" : ",").append("('CA").append(i).append("', 2, 'dtmf', 60, 4.3, false,")
                    .append(" '2026-11-01T15:00:10Z', '").append(i < 3 ? "silence" : "keypad").append("')");
        }
        gathers.append(", ('CA-open', 2, 'dtmf', 60, 4.3, false, '2026-11-20T15:00:10Z', 'silence')");
        ledger = TestLedger.start(insert.toString(), gathers.toString());
    }

    @AfterAll
    static void stop() throws IOException {
        ledger.close();
    }

    @Test
    void the_estimate_takes_its_voice_usage_from_the_ledger_and_says_so() throws IOException {
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                "--env", "prod", "--ledger-url", ledger.jdbcUrl(), "--format", "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        // prod's 2000 calls x 1 billed minute x 0.0085; 2000 x 2 speech Gathers x 1 block x 0.02
        assertThat(r.toString()).contains("\"id\":\"twilio-minutes\"", "measured by the ledger over 10 calls",
                "voice usage from the ledger: ledger averages over 10 priced calls: 40.0 s and 1.00 billed minutes,"
                        + " 2.00 speech Gathers (2.00 15 s blocks), 1.00 keypad Gathers",
                "; a keypad-only question went unanswered in 3 of the 10 calls that had one (30%)");
        assertThat(line(r, "twilio-minutes").path("amount").decimalValue()).isEqualByComparingTo("17.00");
        assertThat(line(r, "twilio-speech").path("amount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(line(r, "twilio-keypad").path("amount").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void a_ledger_that_cannot_be_read_fails_the_estimate_in_one_line_with_exit_3() {
        long started = System.nanoTime();
        CliRun run = CliRun.of("cost", "report", "--config", "../configs/bella.yaml", "--source", "estimate",
                "--ledger-url", ledger.jdbcUrl().replace("/postgres", "/bella"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).doesNotContain("\n").contains("database \"bella\" does not exist");
        assertThat((System.nanoTime() - started) / 1_000_000_000L).as("seconds").isLessThan(10);
    }

    private static JsonNode line(JsonNode report, String id) {
        for (JsonNode category : report.at("/environments/0/categories")) {
            for (JsonNode item : category.path("items")) {
                if (item.path("id").asText().equals(id)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no line " + id + " in " + report);
    }
}
