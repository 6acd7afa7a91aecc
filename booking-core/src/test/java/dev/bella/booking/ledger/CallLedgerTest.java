package dev.bella.booking.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.ledger.CallLedger.AnsweredBy;
import dev.bella.booking.store.TestDatabase;
import dev.bella.prices.PriceTableLoader;
import dev.bella.prices.VoicePriceModel;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger over a real embedded PostgreSQL, priced by the voice price model over the bundled table. */
class CallLedgerTest {

    static TestDatabase pg;
    static final Instant T0 = Instant.parse("2030-01-02T15:00:00Z");
    final VoicePriceModel prices = VoicePriceModel.of(new PriceTableLoader().bundled("ca-central-1").orElseThrow(),
            "gpt-4o-mini");
    final CallLedger ledger = new CallLedger(prices, new BigDecimal("14"));

    @BeforeAll
    static void start() {
        pg = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void aCallIsPricedFromItsGathersItsWholeMinutesAndItsTokens() throws Exception {
        pg.db.inTransaction(c -> {
            ledger.open(c, "CA1", T0);
            // greeting: speech, 20 s until the caller's answer arrived -> 2 blocks
            ledger.asked(c, "CA1", true, "x".repeat(70), false, T0);
            ledger.answered(c, "CA1", AnsweredBy.SPEECH, T0.plusSeconds(20));
            // a re-prompt answered by silence after 9 s -> 1 block
            ledger.asked(c, "CA1", true, "Sorry?", true, T0.plusSeconds(20));
            ledger.answered(c, "CA1", AnsweredBy.SILENCE, T0.plusSeconds(29));
            // the keypad read-back: no speech charge however long it listened
            ledger.asked(c, "CA1", false, "press 1", false, T0.plusSeconds(29));
            ledger.answered(c, "CA1", AnsweredBy.KEYPAD, T0.plusSeconds(45));
            ledger.add(c, "CA1", new CallLedger.Usage(1, 1000, 200, 0, 1));
            ledger.complete(c, "CA1", T0, T0.plusSeconds(50), 61);
            return null;
        });
        Map<String, Object> row = row("SELECT billed_minutes, speech_gathers, keypad_gathers, speech_blocks, reprompts,"
                + " minutes_usd, speech_usd, llm_usd, cost_usd, price_table FROM call_costs WHERE call_sid = 'CA1'");
        assertThat(row).containsEntry("billed_minutes", 2).containsEntry("speech_gathers", 1 + 1)
                .containsEntry("keypad_gathers", 1).containsEntry("speech_blocks", 3).containsEntry("reprompts", 1);
        // 2 minutes x 0.0085; 3 blocks x 0.02; 1000 x 0.15 / 1e6 + 200 x 0.60 / 1e6
        assertThat((BigDecimal) row.get("minutes_usd")).isEqualByComparingTo("0.017");
        assertThat((BigDecimal) row.get("speech_usd")).isEqualByComparingTo("0.06");
        assertThat((BigDecimal) row.get("llm_usd")).isEqualByComparingTo("0.00027");
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.07727");
        assertThat((String) row.get("price_table")).contains("ca-central-1");
        Map<String, Object> greeting = row("SELECT input_mode, prompt_chars, prompt_seconds, answered_by, listened_seconds"
                + " FROM call_gathers WHERE call_sid = 'CA1' AND seq = 1");
        assertThat(greeting).containsEntry("input_mode", "speech").containsEntry("prompt_chars", 70)
                .containsEntry("answered_by", "speech");
        assertThat((BigDecimal) greeting.get("prompt_seconds")).isEqualByComparingTo("5.00");
        assertThat((BigDecimal) greeting.get("listened_seconds")).isEqualByComparingTo("20");
    }

    @Test
    void aGatherStillListeningWhenTheCallerHungUpIsPricedUntilTheEndAndARepeatedCallbackCountsOnce() throws Exception {
        pg.db.inTransaction(c -> {
            ledger.open(c, "CA2", T0);
            ledger.asked(c, "CA2", true, "Hi", false, T0);
            return null;
        });
        for (int i = 0; i < 2; i++) {
            pg.db.inTransaction(c -> {
                ledger.complete(c, "CA2", T0, T0.plusSeconds(31), 31);
                return null;
            });
        }
        Map<String, Object> row = row("SELECT billed_minutes, speech_blocks, cost_usd FROM call_costs WHERE call_sid = 'CA2'");
        assertThat(row).containsEntry("billed_minutes", 1).containsEntry("speech_blocks", 3);
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.0685");
    }

    private static Map<String, Object> row(String sql) throws Exception {
        return pg.db.inTransaction(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return out;
            }
        });
    }
}
