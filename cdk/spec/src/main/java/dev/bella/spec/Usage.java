package dev.bella.spec;

import dev.bella.prices.VoiceUsage;
import java.math.BigDecimal;

/**
 * What the estimate assumes about traffic. Every figure is an input a reader can check and change;
 * none is derived from the result it feeds.
 *
 * @param llmShare            share of utterances that reach the LLM (0-1), after the local extractor and the cache
 * @param turnsPerCall        speech turns ({@code <Gather input="speech">}) per call, each billed in 15 s blocks
 * @param requestsPerCall     webhook requests per call (ingress requests and LCU)
 * @param kbPerRequest        average request + response size (ingress processed bytes, data transfer)
 * @param logGbPerMonth       CloudWatch Logs ingested per month
 * @param llmCache            the service caches LLM answers (declared; it is what {@code llmShare} assumes)
 * @param responseCompression webhook responses are gzip-compressed (declared; {@code kbPerRequest} assumes it)
 * @param voice               what an average call uses of Twilio (speech and keypad Gathers, billed minutes)
 */
public record Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                    int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                    int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers,
                    boolean llmCache, boolean responseCompression, VoiceUsage voice) {

    /** Usage whose voice figures follow from turns and minutes: every turn a one-block speech Gather. */
    public Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                 int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                 int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers,
                 boolean llmCache, boolean responseCompression) {
        this(callsPerMonth, minutesPerCall, llmShare, turnsPerCall, llmInputTokens, llmOutputTokens, llmModel,
                logGbPerMonth, requestsPerCall, kbPerRequest, dataOutGbPerMonth, phoneNumbers, llmCache,
                responseCompression, VoiceUsage.ofAverageCall(minutesPerCall, BigDecimal.valueOf(turnsPerCall),
                        BigDecimal.ZERO, BigDecimal.ONE, "spec usage"));
    }

    /** The same usage with measured voice figures (from the booking ledger). */
    public Usage withVoice(VoiceUsage measured) {
        return new Usage(callsPerMonth, minutesPerCall, llmShare, turnsPerCall, llmInputTokens, llmOutputTokens,
                llmModel, logGbPerMonth, requestsPerCall, kbPerRequest, dataOutGbPerMonth, phoneNumbers, llmCache,
                responseCompression, measured);
    }

    /** Usage with neither feature declared (the defaults). */
    public Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                 int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                 int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers) {
        this(callsPerMonth, minutesPerCall, llmShare, turnsPerCall, llmInputTokens, llmOutputTokens, llmModel,
                logGbPerMonth, requestsPerCall, kbPerRequest, dataOutGbPerMonth, phoneNumbers, false, false);
    }
}
