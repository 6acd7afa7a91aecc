package dev.bella.alternatives;

import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.report.LineItem;
import dev.bella.spec.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * How the current design's speech recognition is priced, so the speech comparison depends on this small
 * interface rather than on the estimate's voice lines. {@link GatherBlocks} follows the estimate as it is
 * (one 15 s block per speech turn, from the existing price entries); when the voice price model is rebuilt
 * (speech-enabled Gathers in 15 s blocks, DTMF-only free, per-call minute rounding), an implementation over
 * that model replaces it and the comparison stays as it is.
 */
sealed interface SpeechRecognitionPricing {

    String name();

    /** The line ids of the estimate this pricing produces, which an alternative replaces. */
    Set<String> lineIds();

    List<LineItem> lines(PriceTable prices, Usage usage, BigDecimal calls);

    /** Twilio {@code <Gather input="speech">}: every speech turn one 15-second block. */
    record GatherBlocks() implements SpeechRecognitionPricing {

        public String name() {
            return "Twilio <Gather> speech recognition";
        }

        public Set<String> lineIds() {
            return Set.of("twilio-speech");
        }

        public List<LineItem> lines(PriceTable prices, Usage usage, BigDecimal calls) {
            BigDecimal blocks = calls.multiply(BigDecimal.valueOf(usage.turnsPerCall()));
            return List.of(LineItem.priced("twilio-speech", "Twilio speech recognition (" + usage.turnsPerCall()
                            + " turns per call, one 15 s block each)", blocks, "15 s blocks",
                    prices.price(PriceKeys.TWILIO_SPEECH_15S), PriceKeys.TWILIO_SPEECH_15S));
        }
    }
}
