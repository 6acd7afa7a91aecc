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
 * @param schedulerRunSeconds how long one run of the dev scheduler's task lasts, image pull to exit (only priced
 *                            for an environment with a {@code schedule})
 * @param schedulerLogBytesPerRun what one scheduler run writes to its CloudWatch log group
 */
public record Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                    int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                    int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers,
                    boolean llmCache, boolean responseCompression, VoiceUsage voice, int schedulerRunSeconds,
                    int schedulerLogBytesPerRun) {

    /**
     * Seconds a scheduler run is billed from: bench/scheduler-run.sh times {@code cost schedule-dev run} (JVM
     * start included, the image's classpath and flags) against a WireMock stand-in of the dev environment, and
     * scales its CPU time to the task's 0.25 vCPU; the image pull and task start, which Fargate bills too but
     * this machine cannot measure, are a stated allowance on top (docs/schedule-dev.md).
     */
    public static final int DEFAULT_SCHEDULER_RUN_SECONDS = 40;
    /** The table output of a dev run (one line per resource, a header and a summary), as measured by the same bench. */
    public static final int DEFAULT_SCHEDULER_LOG_BYTES_PER_RUN = 1000;

    /** Usage with the scheduler's defaults. */
    public Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                 int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                 int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers,
                 boolean llmCache, boolean responseCompression, VoiceUsage voice) {
        this(callsPerMonth, minutesPerCall, llmShare, turnsPerCall, llmInputTokens, llmOutputTokens, llmModel,
                logGbPerMonth, requestsPerCall, kbPerRequest, dataOutGbPerMonth, phoneNumbers, llmCache,
                responseCompression, voice, DEFAULT_SCHEDULER_RUN_SECONDS, DEFAULT_SCHEDULER_LOG_BYTES_PER_RUN);
    }

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
                responseCompression, measured, schedulerRunSeconds, schedulerLogBytesPerRun);
    }

    /** Usage with neither feature declared (the defaults). */
    public Usage(int callsPerMonth, BigDecimal minutesPerCall, BigDecimal llmShare, int turnsPerCall,
                 int llmInputTokens, int llmOutputTokens, String llmModel, BigDecimal logGbPerMonth,
                 int requestsPerCall, BigDecimal kbPerRequest, BigDecimal dataOutGbPerMonth, int phoneNumbers) {
        this(callsPerMonth, minutesPerCall, llmShare, turnsPerCall, llmInputTokens, llmOutputTokens, llmModel,
                logGbPerMonth, requestsPerCall, kbPerRequest, dataOutGbPerMonth, phoneNumbers, false, false);
    }
}
