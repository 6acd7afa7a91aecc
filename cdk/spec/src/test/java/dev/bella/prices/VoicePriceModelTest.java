package dev.bella.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.prices.VoicePriceModel.Call;
import dev.bella.prices.VoicePriceModel.Gather;
import dev.bella.prices.VoicePriceModel.Input;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoicePriceModelTest {

    private static final Path TABLE = Path.of("..", "..", "configs", "prices", "aws-ca-central-1.yaml");
    private final PriceTable table = new PriceTableLoader().load(TABLE);
    private final VoicePriceModel model = VoicePriceModel.of(table, "gpt-4o-mini");

    @Test
    void aCallBillsItsDurationRoundedUpToWholeMinutes() {
        assertThat(model.billedMinutes(Duration.ofSeconds(150))).isEqualTo(3);
        assertThat(model.billedMinutes(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(model.billedMinutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(model.billedMinutes(Duration.ofMillis(60_001))).isEqualTo(2);
        assertThat(model.billedMinutes(Duration.ZERO)).isZero();
    }

    @Test
    void everySpeechGatherBillsStartedFifteenSecondBlocksAndKeypadOnlyGathersNone() {
        assertThat(model.speechBlocks(new Gather(Input.SPEECH, Duration.ofSeconds(15)))).isEqualTo(1);
        assertThat(model.speechBlocks(new Gather(Input.SPEECH, Duration.ofSeconds(16)))).isEqualTo(2);
        assertThat(model.speechBlocks(new Gather(Input.SPEECH, Duration.ZERO))).isEqualTo(1);
        assertThat(model.speechBlocks(new Gather(Input.DTMF, Duration.ofSeconds(40)))).isZero();
    }

    @Test
    void aCallIsPricedLineByLineFromTheTable() {
        Call call = new Call(Duration.ofSeconds(150), List.of(new Gather(Input.SPEECH, Duration.ofSeconds(20)),
                new Gather(Input.SPEECH, Duration.ofSeconds(9)), new Gather(Input.DTMF, Duration.ofSeconds(12))),
                1000, 200, 400);
        VoicePriceModel.CallCost cost = model.price(call);
        assertThat(cost.billedMinutes()).isEqualTo(3);
        assertThat(cost.speechBlocks()).isEqualTo(3);
        assertThat(cost.minutes()).isEqualByComparingTo("0.0255");
        assertThat(cost.speech()).isEqualByComparingTo("0.06");
        assertThat(cost.tts()).isEqualByComparingTo("0");
        // 1000 × 0.15 / 1e6 + 200 × 0.60 / 1e6
        assertThat(cost.llm()).isEqualByComparingTo("0.00027");
        assertThat(cost.total()).isEqualByComparingTo("0.08577");
    }

    @Test
    void anAverageCallBillsWholeMinutesAndItsSpeechBlocks() {
        VoiceUsage u = VoiceUsage.ofAverageCall(new BigDecimal("2.5"), new BigDecimal("4"), BigDecimal.ZERO,
                BigDecimal.ONE, "spec");
        assertThat(u.billedMinutesPerCall()).isEqualByComparingTo("3");
        assertThat(model.perCall(u)).isEqualByComparingTo("0.1055");
    }

    @Test
    void aTableWithoutTheBillingRulesIsAnErrorNamingTheKey() {
        String text = """
                region: test
                currency: USD
                sources:
                  t: {url: "https://example.com", retrieved: 2026-12-01}
                prices:
                  twilio.voice.inbound.minute: {price: 0.0085, unit: minute, source: t}
                """;
        PriceTable partial = new PriceTableLoader().parse(text, "partial.yaml");
        assertThatThrownBy(() -> VoicePriceModel.of(partial, "gpt-4o-mini"))
                .isInstanceOf(MissingPriceException.class).hasMessageContaining("twilio.voice.billing-increment");
    }
}
