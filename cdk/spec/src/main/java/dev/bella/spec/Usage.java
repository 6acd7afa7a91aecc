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
     * Seconds one scheduler run lasts, image pull to exit. bench/scheduler-image.sh runs the image's entrypoint
     * (its jlink'd runtime, JVM start included) against a local fake of the dev environment: 1.25-1.75 s of CPU
     * and 0.7-1.1 s waiting on AWS, so 6-8 s on the task's 0.25 vCPU (2026-12-06, docs/schedule-dev.md). The
     * rest is an allowance for pulling and unpacking the 43.8 MB image and starting the container, which Fargate
     * bills but this machine cannot measure. Below Fargate's one-minute minimum either way, so it only moves
     * the public IPv4 line.
     */
    public static final int DEFAULT_SCHEDULER_RUN_SECONDS = 20;
    /**
     * Bytes one run writes to its log group: the same bench's table for the dev environment (two resources) is
     * 600-640 bytes in five lines; with CloudWatch's 26 bytes of overhead per event, rounded up.
     */
    public static final int DEFAULT_SCHEDULER_LOG_BYTES_PER_RUN = 800;

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
