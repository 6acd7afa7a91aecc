package dev.bella.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What an average call uses of Twilio, the quantities {@link VoicePriceModel#perCall} prices: per call, the
 * Gathers that listen for speech and those that listen only for keys, the speech blocks an average speech
 * Gather bills, the whole minutes a call bills, and how many characters it speaks.
 *
 * @param source where the figures come from ("spec usage", "ledger, 240 calls"), shown beside the lines
 */
public record VoiceUsage(BigDecimal speechGathersPerCall, BigDecimal keypadGathersPerCall,
                         BigDecimal speechBlocksPerGather, BigDecimal billedMinutesPerCall,
                         BigDecimal spokenCharactersPerCall, String source) {

    public VoiceUsage {
        Objects.requireNonNull(source);
        for (BigDecimal d : new BigDecimal[] {speechGathersPerCall, keypadGathersPerCall, speechBlocksPerGather,
                billedMinutesPerCall, spokenCharactersPerCall}) {
            if (d == null || d.signum() < 0) {
                throw new IllegalArgumentException("voice usage figures must be zero or more, got " + d);
            }
        }
    }

    /**
     * Usage of a call of average length {@code minutesPerCall}: it bills that length rounded up to whole minutes
     * (Twilio rounds each call, so a 2.5-minute call is 3 minutes).
     */
    public static VoiceUsage ofAverageCall(BigDecimal minutesPerCall, BigDecimal speechGathers, BigDecimal keypadGathers,
                                           BigDecimal blocksPerGather, String source) {
        return new VoiceUsage(speechGathers, keypadGathers, blocksPerGather,
                minutesPerCall.setScale(0, RoundingMode.CEILING), BigDecimal.ZERO, source);
    }

    public BigDecimal speechBlocksPerCall() {
        return speechGathersPerCall.multiply(speechBlocksPerGather);
    }
}
