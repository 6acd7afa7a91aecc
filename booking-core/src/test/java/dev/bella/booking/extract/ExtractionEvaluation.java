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
