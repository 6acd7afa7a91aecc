package dev.bella.booking.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores the local extractor on the development set: local coverage (share of utterances the tiered policy would
 * not send to the LLM), per-field precision and recall, field accuracy on the locally handled utterances.
 * Run by bench/extraction; {@code --errors} lists every wrong field.
 */
public final class ExtractionEvaluation {
    static final List<Field> FIELDS = List.of(Field.NAME, Field.PHONE, Field.DATE, Field.TIME);

    record Scores(int utterances, int local, int localFieldsCorrect, int localFields, Map<Field, int[]> counts,
                  List<String> errors) {
        double coverage() { return (double) local / utterances; }
        double localAccuracy() { return (double) localFieldsCorrect / localFields; }
        /** counts[f] = {tp, fp, fn} */
        double precision(Field f) { int[] c = counts.get(f); return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]); }
        double recall(Field f) { int[] c = counts.get(f); return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]); }
    }

    static Scores score(DevSet set, LocalExtractor x, TieredExtraction.Policy policy) {
        Map<Field, int[]> counts = new EnumMap<>(Field.class);
        for (Field f : FIELDS) counts.put(f, new int[3]);
        int local = 0, correct = 0, fields = 0;
        List<String> errors = new ArrayList<>();
        for (DevSet.Item it : set.items()) {
            ExtractionResult r = x.extract(it.text(), it.context());
            boolean handled = policy.fieldsForLlm(r, ExtractionResult.EMPTY).isEmpty();
            if (handled) local++;
            for (Field f : FIELDS) {
                String got = DevSet.render(r, f), want = it.expected().get(f);
                int[] c = counts.get(f);
                if (got != null && got.equals(want)) c[0]++;
                else {
                    if (got != null) c[1]++;
                    if (want != null) c[2]++;
                }
                if (handled) {
                    fields++;
                    if (Objects.equals(got, want)) correct++;
                }
                if (!Objects.equals(got, want)) {
                    errors.add(String.format("%s %-5s want=%-12s got=%-12s conf=%.2f %s%s | %s", it.id(), f, want, got,
                            r.confidenceOf(f), handled ? "LOCAL" : "llm", r.unresolved().isEmpty() ? "" : " unresolved=" + r.unresolved(),
                            it.text()));
                }
            }
        }
        return new Scores(set.items().size(), local, correct, fields, counts, errors);
    }

    public static void main(String[] args) {
        boolean errors = List.of(args).contains("--errors");
        print("development set", "dev-set.jsonl", DevSet.load(), errors);
        print("held-out set (written after the grammar was frozen)", "holdout-set.jsonl", DevSet.holdout(), errors);
        replay(30, 67, 4, 1.1, 42L);
    }

    /**
     * Replays {@code days} days of calls through the real tiered pipeline (local, cache, openai-java against a
     * local WireMock that answers every request like OpenAI would; no network). Each utterance is drawn from the
     * two labelled sets with a Zipf law (a few phrasings are very common, most are rare), and each day's calls use
     * that day's date, so answers that depend on the date cannot be reused the next day.
     */
    static void replay(int days, int callsPerDay, int turnsPerCall, double zipf, long seed) {
        List<DevSet.Item> pool = new ArrayList<>(DevSet.load().items());
        pool.addAll(DevSet.holdout().items());
        java.util.Collections.shuffle(pool, new java.util.Random(seed));
        double[] cdf = new double[pool.size()];
        double sum = 0;
        for (int i = 0; i < cdf.length; i++) { sum += 1 / Math.pow(i + 1, zipf); cdf[i] = sum; }
        var server = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            server.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                    OpenAiStub.answer("", "", "", "", 0.8), 230, 35)));
            LlmExtractor llm = LlmExtractor.create("sk-bench", OpenAiStub.baseUrl(server), java.time.Duration.ofSeconds(30),
                    java.time.Clock.systemUTC());
            TieredExtraction.Counting counts = new TieredExtraction.Counting();
            ExtractionCache cache = ExtractionCache.inProcess();
            TieredExtraction tiered = new TieredExtraction(new LocalExtractor(), llm, cache, TieredExtraction.Policy.DEFAULT, counts);
            java.util.Random rnd = new java.util.Random(seed);
            java.time.ZoneId zone = java.time.ZoneId.of("America/Toronto");
            java.time.LocalDate day0 = java.time.LocalDate.of(2026, 11, 2);
            int utterances = 0;
            for (int d = 0; d < days; d++) {
                for (int c = 0; c < callsPerDay; c++) {
                    java.time.Instant at = day0.plusDays(d).atTime(9, 0).plusMinutes(c * 7L).atZone(zone).toInstant();
                    UtteranceContext ctx = UtteranceContext.of(at, zone, "+15145550100");
                    for (int t = 0; t < turnsPerCall; t++) {
                        double u = rnd.nextDouble() * sum;
                        int i = java.util.Arrays.binarySearch(cdf, u);
                        DevSet.Item it = pool.get(i < 0 ? -i - 1 : i);
                        tiered.extract(it.text(), ctx, ExtractionResult.EMPTY);
                        utterances++;
                    }
                }
            }
            long llmCalls = counts.count(TieredExtraction.Decision.LLM);
            long hits = counts.count(TieredExtraction.Decision.CACHE_HIT);
            long failed = counts.count(TieredExtraction.Decision.LLM_UNAVAILABLE);
            long bound = llmCalls + hits + failed;
            System.out.printf("%nreplayed stream: %d days x %d calls x %d turns = %d utterances (Zipf s=%.1f over %d phrasings, seed %d)%n",
                    days, callsPerDay, turnsPerCall, utterances, zipf, pool.size(), seed);
            System.out.printf("  handled locally: %d (%.1f%%); wanted the LLM: %d%n", counts.count(TieredExtraction.Decision.LOCAL_ONLY),
                    100.0 * counts.count(TieredExtraction.Decision.LOCAL_ONLY) / utterances, bound);
            System.out.printf("  cache hit rate (of LLM-bound utterances): %.1f%% (%d hits, %d misses)%n",
                    bound == 0 ? 0 : 100.0 * hits / bound, hits, llmCalls + failed);
            System.out.printf("  OpenAI calls made: %d; avoided vs. every utterance to the LLM: %.1f%%; vs. tiers without cache: %.1f%%%n",
                    llmCalls, 100.0 * (utterances - llmCalls) / utterances, bound == 0 ? 0 : 100.0 * hits / bound);
            System.out.printf("  tokens spent: %d prompt + %d completion (stub answers: 230 + 35 per call)%n",
                    counts.tokens().promptTokens(), counts.tokens().completionTokens());
        } finally {
            server.stop();
        }
    }

    static void print(String title, String file, DevSet set, boolean errors) {
        Scores s = score(set, new LocalExtractor(), TieredExtraction.Policy.DEFAULT);
        System.out.printf("%n%s: %d utterances (booking-core/src/test/resources/extraction/%s)%n", title,
                s.utterances(), file);
        System.out.printf("  local coverage: %.1f%% (%d of %d handled without the LLM)%n", 100 * s.coverage(), s.local(),
                s.utterances());
        System.out.printf("  field accuracy on locally handled utterances: %.1f%% (%d of %d fields)%n",
                100 * s.localAccuracy(), s.localFieldsCorrect(), s.localFields());
        System.out.println("  per field (all utterances, local tier alone):");
        for (Field f : FIELDS) {
            int[] c = s.counts().get(f);
            System.out.printf("    %-5s precision %5.1f%%  recall %5.1f%%  (tp %d, fp %d, fn %d)%n", f.name().toLowerCase(),
                    100 * s.precision(f), 100 * s.recall(f), c[0], c[1], c[2]);
        }
        if (errors) s.errors().forEach(e -> System.out.println("  " + e));
    }
}
