package dev.bella.spec;

import dev.bella.yaml.MapReader;
import dev.bella.yaml.YamlNode;
import dev.bella.prices.VoiceUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Reads {@code usage} (top level, or an environment's override merged over it). Defaults live here. */
final class UsageReader {

    private UsageReader() {
    }

    static Usage read(Optional<YamlNode> node, String what) {
        MapReader u = node.map(n -> n.asMap(what)).orElseGet(() -> emptyMap(what));
        int calls = u.integer("calls-per-month", 2000, 0, 100_000_000);
        BigDecimal minutes = u.decimal("minutes-per-call", new BigDecimal("2.5"), BigDecimal.ZERO, new BigDecimal("240"));
        BigDecimal llmShare = u.decimal("llm-share", new BigDecimal("0.3"), BigDecimal.ZERO, BigDecimal.ONE);
        int turns = u.integer("turns-per-call", 4, 0, 100);
        MapReader tokens = u.map("tokens-per-llm-call");
        int in = tokens.integer("input", 600, 0, 1_000_000);
        int out = tokens.integer("output", 120, 0, 1_000_000);
        tokens.finish();
        String model = u.string("llm-model", "gpt-4o-mini");
        BigDecimal logs = u.decimal("log-gb-per-month", BigDecimal.ONE, BigDecimal.ZERO, null);
        int requests = u.integer("requests-per-call", 8, 0, 10_000);
        BigDecimal kb = u.decimal("kb-per-request", new BigDecimal("4"), BigDecimal.ZERO, null);
        BigDecimal dataOut = u.decimal("data-out-gb-per-month", BigDecimal.ONE, BigDecimal.ZERO, null);
        int numbers = u.integer("phone-numbers", 1, 0, 10_000);
        boolean llmCache = u.bool("llm-cache", false);
        boolean compression = u.bool("response-compression", false);
        // Twilio's usage per call: without measured figures every turn is a speech Gather of one block
        BigDecimal speech = u.decimal("speech-gathers-per-call", BigDecimal.valueOf(turns), BigDecimal.ZERO,
                new BigDecimal("100"));
        BigDecimal keypad = u.decimal("keypad-gathers-per-call", BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100"));
        BigDecimal blocks = u.decimal("speech-blocks-per-gather", BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("100"));
        BigDecimal billed = u.decimal("billed-minutes-per-call", minutes.setScale(0, RoundingMode.CEILING),
                BigDecimal.ZERO, new BigDecimal("240"));
        // the dev scheduler's own runs (priced only for an environment with a schedule)
        int runSeconds = u.integer("scheduler-run-seconds", Usage.DEFAULT_SCHEDULER_RUN_SECONDS, 1, 3600);
        int logBytes = u.integer("scheduler-log-bytes-per-run", Usage.DEFAULT_SCHEDULER_LOG_BYTES_PER_RUN, 0, 10_000_000);
        u.finish();
        VoiceUsage voice = new VoiceUsage(speech, keypad, blocks, billed, BigDecimal.ZERO, "spec usage");
        return new Usage(calls, minutes, llmShare, turns, in, out, model, logs, requests, kb, dataOut, numbers,
                llmCache, compression, voice, runSeconds, logBytes);
    }

    private static MapReader emptyMap(String what) {
        dev.bella.yaml.Problems none = new dev.bella.yaml.Problems();
        return YamlNode.parse("{}", "(defaults)", none).orElseThrow().asMap(what);
    }
}
