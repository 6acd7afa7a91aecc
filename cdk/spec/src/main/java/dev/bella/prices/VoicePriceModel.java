package dev.bella.prices;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * What Twilio bills for a call, from the price table's Twilio entries and billing rules, so the estimate
 * ({@code bella cost report}) and the booking service's ledger price calls the same way:
 * <ul>
 *   <li>inbound minutes: each call's duration rounded up to the billing increment (a whole minute);</li>
 *   <li>speech recognition: every Gather that listens for speech, whether answered by voice, keypad or
 *       silence, in started blocks of its listening time, at least one; a keypad-only Gather costs the
 *       table's dtmf-only price (zero);</li>
 *   <li>text-to-speech per 100 characters spoken (zero for the basic voice);</li>
 *   <li>OpenAI tokens at the model's price;</li>
 *   <li>phone numbers per month (not per call: {@link #numberMonth()}).</li>
 * </ul>
 * A price the model needs and the table lacks is a {@link MissingPriceException}, never a default.
 */
public final class VoicePriceModel {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 6;

    /** How a Gather listened: for speech (possibly with keys too) or for keys only. */
    public enum Input { SPEECH, DTMF }

    /** One Gather of a call: how it listened and for how long (from the TwiML answer to the next webhook). */
    public record Gather(Input input, Duration listened) {
    }

    /** One call's measured usage. */
    public record Call(Duration duration, List<Gather> gathers, long tokensIn, long tokensOut, long spokenCharacters) {
        public Call {
            gathers = List.copyOf(gathers);
        }
    }

    /** What one call costs, line by line, in USD (scale 6). */
    public record CallCost(long billedMinutes, long speechBlocks, BigDecimal minutes, BigDecimal speech,
                           BigDecimal tts, BigDecimal llm) {
        public BigDecimal twilio() {
            return minutes.add(speech).add(tts);
        }

        public BigDecimal total() {
            return twilio().add(llm);
        }
    }

    private final PriceTable table;
    private final String llmModel;
    private final BigDecimal minute;
    private final long incrementSeconds;
    private final BigDecimal speechBlock;
    private final long blockSeconds;
    private final BigDecimal dtmfGather;
    private final BigDecimal tts100;

    private VoicePriceModel(PriceTable table, String llmModel) {
        this.table = table;
        this.llmModel = llmModel;
        this.minute = table.price(PriceKeys.TWILIO_INBOUND_MINUTE);
        this.incrementSeconds = wholeSeconds(table, PriceKeys.TWILIO_BILLING_INCREMENT);
        this.speechBlock = table.price(PriceKeys.TWILIO_SPEECH_15S);
        this.blockSeconds = wholeSeconds(table, PriceKeys.TWILIO_SPEECH_BLOCK_SECONDS);
        this.dtmfGather = table.price(PriceKeys.TWILIO_DTMF_ONLY_GATHER);
        this.tts100 = table.price(PriceKeys.TWILIO_TTS_100_CHARACTERS);
        table.price(PriceKeys.llmInputMillionTokens(llmModel));
        table.price(PriceKeys.llmOutputMillionTokens(llmModel));
    }

    /** The model over {@code table}, pricing tokens at {@code llmModel}'s rates; fails on a missing entry. */
    public static VoicePriceModel of(PriceTable table, String llmModel) {
        return new VoicePriceModel(table, llmModel);
    }

    private static long wholeSeconds(PriceTable table, String key) {
        BigDecimal v = table.price(key);
        if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(table.name() + ": " + key + " must be a whole number of seconds above 0,"
                    + " got " + v.toPlainString());
        }
        return v.longValueExact();
    }

    public PriceTable table() {
        return table;
    }

    /** Minutes Twilio bills for a call of this length: rounded up, a zero-length call bills nothing. */
    public long billedMinutes(Duration call) {
        long seconds = ceilSeconds(call);
        long increments = (seconds + incrementSeconds - 1) / incrementSeconds;
        return increments * incrementSeconds / 60;
    }

    /** Speech blocks a Gather bills: none for keypad-only, else its started blocks, at least one. */
    public long speechBlocks(Gather g) {
        if (g.input() == Input.DTMF) {
            return 0;
        }
        long seconds = ceilSeconds(g.listened());
        return Math.max(1, (seconds + blockSeconds - 1) / blockSeconds);
    }

    public CallCost price(Call call) {
        long minutes = billedMinutes(call.duration());
        long blocks = 0;
        long dtmfGathers = 0;
        for (Gather g : call.gathers()) {
            blocks += speechBlocks(g);
            dtmfGathers += g.input() == Input.DTMF ? 1 : 0;
        }
        BigDecimal speech = speechBlock.multiply(BigDecimal.valueOf(blocks))
                .add(dtmfGather.multiply(BigDecimal.valueOf(dtmfGathers)));
        return new CallCost(minutes, blocks, scale(minute.multiply(BigDecimal.valueOf(minutes))), scale(speech),
                scale(tts100.multiply(BigDecimal.valueOf(call.spokenCharacters())).divide(HUNDRED, MathContext.DECIMAL64)),
                scale(llm(call.tokensIn(), call.tokensOut())));
    }

    /** OpenAI cost of these tokens at the model's prices. */
    public BigDecimal llm(long tokensIn, long tokensOut) {
        return BigDecimal.valueOf(tokensIn).multiply(table.price(PriceKeys.llmInputMillionTokens(llmModel)))
                .add(BigDecimal.valueOf(tokensOut).multiply(table.price(PriceKeys.llmOutputMillionTokens(llmModel))))
                .divide(MILLION, MathContext.DECIMAL64);
    }

    /**
     * Twilio's cost of an average call (minutes, speech, text-to-speech), unrounded; multiply by calls for a
     * month. The estimate uses it line by line through {@link #minutePrice()} and {@link #speechBlockPrice()}.
     */
    public BigDecimal perCall(VoiceUsage u) {
        return minute.multiply(u.billedMinutesPerCall())
                .add(speechBlock.multiply(u.speechBlocksPerCall()))
                .add(dtmfGather.multiply(u.keypadGathersPerCall()))
                .add(tts100.multiply(u.spokenCharactersPerCall()).divide(HUNDRED, MathContext.DECIMAL64));
    }

    public BigDecimal minutePrice() {
        return minute;
    }

    public BigDecimal speechBlockPrice() {
        return speechBlock;
    }

    public BigDecimal keypadGatherPrice() {
        return dtmfGather;
    }

    public BigDecimal tts100CharactersPrice() {
        return tts100;
    }

    public BigDecimal numberMonth() {
        return table.price(PriceKeys.TWILIO_NUMBER_MONTH);
    }

    public long blockSeconds() {
        return blockSeconds;
    }

    private static long ceilSeconds(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + d);
        }
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
