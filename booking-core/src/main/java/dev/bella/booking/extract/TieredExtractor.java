package dev.bella.booking.extract;

import dev.bella.booking.ledger.CallLedger.Usage;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The call flow's extractor: the tiers (local grammar, cache, OpenAI) for the appointment fields, plus the
 * yes/no of a confirmation, which needs no tier (a closed set of words). What the tiers cost goes into the
 * returned {@link Usage}, so the ledger row of the call gets the tokens and cache hits of each turn.
 */
public final class TieredExtractor implements Extractor {

    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|yup|sure|correct|right|sounds good|perfect|please do|absolutely|okay|ok)\\b");
    private static final Pattern NO = Pattern.compile("\\b(no|nope|nah|wrong|incorrect)\\b");
    private static final Pattern NOT_RIGHT = Pattern.compile("\\bnot (right|correct)\\b");
    /** "I'm not sure" holds "sure" but is neither answer: booking on it would be wrong. */
    private static final Pattern UNSURE = Pattern.compile("\\b(not (so |too |really )?sure|unsure)\\b");

    private final TieredExtraction tiers;
    private final BusinessHours hours;

    public TieredExtractor(TieredExtraction tiers, BusinessHours hours) {
        this.tiers = tiers;
        this.hours = hours;
    }

    /** The local grammar and the in-process cache only: no network, no cost (the embedded default, tests). */
    public static TieredExtractor localOnly(BusinessHours hours) {
        return new TieredExtractor(new TieredExtraction(new LocalExtractor(), null, ExtractionCache.inProcess(),
                TieredExtraction.Policy.DEFAULT, TieredExtraction.Listener.NONE), hours);
    }

    @Override
    public Extraction extract(String utterance, CallContext context) {
        if (utterance == null || utterance.isBlank()) {
            return Extraction.EMPTY;
        }
        UtteranceContext ctx = new UtteranceContext(context.reference(), context.zone(), context.callerNumber(), hours);
        ExtractionResult r = tiers.extract(utterance, ctx, ExtractionResult.EMPTY);
        return new Extraction(field(r, Field.NAME, x -> x.name()), field(r, Field.PHONE, x -> x.phone()),
                field(r, Field.DATE, x -> x.date()), field(r, Field.TIME, x -> x.time()),
                answer(utterance.toLowerCase(java.util.Locale.ROOT)), usage(r));
    }

    private static <T> Optional<Extracted<T>> field(ExtractionResult r, Field f, Function<ExtractionResult, T> value) {
        return r.has(f) ? Optional.of(new Extracted<>(value.apply(r), r.confidenceOf(f))) : Optional.empty();
    }

    /** A cache answer saves a call; an LLM answer is a miss that spent tokens. */
    static Usage usage(ExtractionResult r) {
        return switch (r.tier()) {
            case LOCAL -> Usage.NONE;
            case CACHE -> new Usage(0, 0, 0, 1, 0);
            case LLM -> new Usage(1, Math.toIntExact(r.tokens().promptTokens()),
                    Math.toIntExact(r.tokens().completionTokens()), 0, 1);
        };
    }

    static Optional<Extracted<Boolean>> answer(String lower) {
        if (UNSURE.matcher(lower).find()) {
            return Optional.empty();
        }
        boolean negated = NOT_RIGHT.matcher(lower).find();
        boolean yes = YES.matcher(lower).find() && !negated;
        boolean no = NO.matcher(lower).find() || negated;
        return yes == no ? Optional.empty() : Optional.of(new Extracted<>(yes, 0.9));
    }
}
