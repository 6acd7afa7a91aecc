package dev.bella.spec;

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
 */
public record Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                    int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                    int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers,
                    boolean llmCache, boolean responseCompression) {

    /** Usage with neither feature declared (the defaults). */
    public Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                 int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                 int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers) {
        this(callsPerMonth, minutesPerCall, llmShare, turnsPerCall, llmInputTokens, llmOutputTokens, llmModel,
                logGbPerMonth, requestsPerCall, kbPerRequest, dataOutGbPerMonth, phoneNumbers, false, false);
    }
}
