package dev.bella.booking.extract;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Local first; only what the local tier could not pin down goes to the LLM, through the two-level cache. The merge
 * keeps, field by field, the more confident reading. Each decision is reported to a {@link Listener} (metrics, the
 * call's cost ledger). Thread-safe.
 */
public final class TieredExtraction {

    /** What happened to one utterance. */
    public enum Decision {
        /** The local tier settled everything the utterance talked about. */
        LOCAL_ONLY,
        /** A fresh LLM answer (tokens spent). */
        LLM,
        /** An LLM answer from the cache (no tokens). */
        CACHE_HIT,
        /** The LLM was wanted but is off (no key), timed out, rate-limited or answered nonsense: local result kept. */
        LLM_UNAVAILABLE
    }

    /** Told of every decision with the returned result (its tokens are what this utterance cost). */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (d, r) -> {};

        void decided(Decision decision, ExtractionResult result);
    }

    /** A listener that counts decisions and tokens; wrap it to feed Micrometer or the ledger. */
    public static final class Counting implements Listener {
        private final Map<Decision, LongAdder> counts = new EnumMap<>(Decision.class);
        private final LongAdder promptTokens = new LongAdder(), completionTokens = new LongAdder();

        public Counting() {
            for (Decision d : Decision.values()) counts.put(d, new LongAdder());
        }

        @Override
        public void decided(Decision decision, ExtractionResult result) {
            counts.get(decision).increment();
            promptTokens.add(result.tokens().promptTokens());
            completionTokens.add(result.tokens().completionTokens());
        }

        public long count(Decision d) { return counts.get(d).sum(); }
        public TokenUsage tokens() { return new TokenUsage(promptTokens.sum(), completionTokens.sum()); }
    }

    /** Which fields of a local result deserve the LLM's opinion. */
    public record Policy(double threshold) {
        public static final Policy DEFAULT = new Policy(LocalExtractor.CONFIDENT);

        /**
         * Fields the utterance talks about that the local tier left unresolved or found below the threshold, minus
         * the ones the call already knows confidently and this turn did not try to change.
         */
        public Set<Field> fieldsForLlm(ExtractionResult local, ExtractionResult known) {
            EnumSet<Field> ask = EnumSet.noneOf(Field.class);
            ask.addAll(local.unresolved());
            for (Field f : Field.values()) {
                if (local.has(f) && local.confidenceOf(f) < threshold) ask.add(f);
            }
            for (Field f : Field.values()) {
                if (!local.has(f) && known.has(f) && known.confidenceOf(f) >= threshold) ask.remove(f);
            }
            ask.remove(Field.SERVICE);   // optional, never worth a paid call on its own
            return ask;
        }
    }

    private final LocalExtractor local;
    private final LlmExtractor llm;
    private final ExtractionCache cache;
    private final Policy policy;
    private final Listener listener;

    /** {@code llm} may be null: the tier is off (no OPENAI_API_KEY) and the local result always stands. */
    public TieredExtraction(LocalExtractor local, LlmExtractor llm, ExtractionCache cache, Policy policy, Listener listener) {
        this.local = Objects.requireNonNull(local);
        this.llm = llm;
        this.cache = Objects.requireNonNull(cache);
        this.policy = Objects.requireNonNull(policy);
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * Extracts one utterance. {@code known} is what the call already holds (confident fields there are not asked
     * of the LLM again); pass {@link ExtractionResult#EMPTY} on the first turn. Never throws for a dependency's
     * failure: the worst case is the local result.
     */
    public ExtractionResult extract(String utterance, UtteranceContext ctx, ExtractionResult known) {
        ExtractionResult mine = local.extract(utterance, ctx);
        Set<Field> ask = policy.fieldsForLlm(mine, known == null ? ExtractionResult.EMPTY : known);
        if (ask.isEmpty()) return report(Decision.LOCAL_ONLY, mine);
        ExtractionCache.Key key = ExtractionCache.key(utterance, ask, ctx);
        Optional<ExtractionResult> cached = cache.get(key);
        if (cached.isPresent()) return report(Decision.CACHE_HIT, merge(mine, cached.get(), ask, Tier.CACHE, TokenUsage.NONE));
        if (llm == null) return report(Decision.LLM_UNAVAILABLE, mine);
        Optional<ExtractionResult> answer = llm.extract(utterance, ctx, ask);
        if (answer.isEmpty()) return report(Decision.LLM_UNAVAILABLE, mine);
        // "nothing valid" (every value the model gave was unusable) is not "nothing to extract": not cached
        ExtractionResult got = answer.get();
        boolean anyValue = ask.stream().anyMatch(f -> got.value(f) != null);
        if (anyValue || got.unresolved().isEmpty()) cache.put(key, got);
        return report(Decision.LLM, merge(mine, answer.get(), ask, Tier.LLM, answer.get().tokens()));
    }

    /** The local tier alone (`bella booking extract --local-only`), still counted. */
    public ExtractionResult extractLocal(String utterance, UtteranceContext ctx) {
        return report(Decision.LOCAL_ONLY, local.extract(utterance, ctx));
    }

    private ExtractionResult report(Decision d, ExtractionResult r) {
        listener.decided(d, r);
        return r;
    }

    /** Field by field, the more confident reading wins; only asked fields can change. */
    static ExtractionResult merge(ExtractionResult mine, ExtractionResult other, Set<Field> asked, Tier tier, TokenUsage tokens) {
        Map<Field, Double> conf = new EnumMap<>(Field.class);
        conf.putAll(mine.confidence());
        Object[] v = new Object[Field.values().length];
        for (Field f : Field.values()) v[f.ordinal()] = mine.value(f);
        EnumSet<Field> unresolved = mine.unresolved().isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(mine.unresolved());
        for (Field f : asked) {
            if (other.has(f) && other.confidenceOf(f) > mine.confidenceOf(f)) {
                v[f.ordinal()] = other.value(f);
                conf.put(f, other.confidenceOf(f));
            }
            if (v[f.ordinal()] != null) unresolved.remove(f);
        }
        return new ExtractionResult((String) v[Field.NAME.ordinal()], (String) v[Field.PHONE.ordinal()],
                (java.time.LocalDate) v[Field.DATE.ordinal()], (java.time.LocalTime) v[Field.TIME.ordinal()],
                (String) v[Field.SERVICE.ordinal()], v[Field.TIME.ordinal()] == null ? mine.dayPart() : null, conf, unresolved,
                tier, tokens);
    }
}
