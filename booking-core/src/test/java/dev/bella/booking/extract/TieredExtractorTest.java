package dev.bella.booking.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.booking.ledger.CallLedger.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The adapter between the tiers and the call flow: what a turn costs the ledger, and yes or no. */
class TieredExtractorTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    /** Wednesday 2030-01-02 10:00 in Toronto. */
    static final CallContext CALL = new CallContext(Instant.parse("2030-01-02T15:00:00Z"), TORONTO, "+15551234567");

    static ExtractionResult at(Tier tier, TokenUsage tokens) {
        return new ExtractionResult(null, null, null, LocalTime.NOON, null, null, Map.of(Field.TIME, 0.85), Set.of(),
                tier, tokens);
    }

    @Test
    void aLocalAnswerCostsNothing() {
        assertThat(TieredExtractor.usage(at(Tier.LOCAL, TokenUsage.NONE))).isEqualTo(Usage.NONE);
        assertThat(TieredExtractor.usage(ExtractionResult.EMPTY).isNone()).isTrue();
    }

    @Test
    void aCachedAnswerIsOneHitAndNoTokens() {
        assertThat(TieredExtractor.usage(at(Tier.CACHE, TokenUsage.NONE))).isEqualTo(new Usage(0, 0, 0, 1, 0));
    }

    @Test
    void anLlmAnswerIsOneCallItsTokensAndOneMiss() {
        assertThat(TieredExtractor.usage(at(Tier.LLM, new TokenUsage(412, 37)))).isEqualTo(new Usage(1, 412, 37, 0, 1));
    }

    @Test
    void theLocalOnlyExtractorReadsFieldsAndChargesNothing() {
        Extraction x = TieredExtractor.localOnly(BusinessHours.DEFAULT).extract("my name is Jane Doe, tomorrow at 3 pm", CALL);
        assertThat(x.name()).map(Extracted::value).contains("Jane Doe");
        assertThat(x.date()).map(Extracted::value).contains(LocalDate.of(2030, 1, 3));
        assertThat(x.time()).map(Extracted::value).contains(LocalTime.of(15, 0));
        assertThat(x.answer()).isEmpty();
        assertThat(x.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void aCachedLlmAnswerReachesTheCallFlowAsACacheHit() {
        // what an earlier call's LLM answer left in the cache for "around lunch" on this day
        ExtractionCache cache = ExtractionCache.inProcess();
        UtteranceContext ctx = new UtteranceContext(CALL.reference(), TORONTO, CALL.callerNumber(), BusinessHours.DEFAULT);
        cache.put(ExtractionCache.key("around lunch", EnumSet.of(Field.TIME), ctx), at(Tier.LLM, new TokenUsage(300, 20)));
        TieredExtractor extractor = new TieredExtractor(new TieredExtraction(new LocalExtractor(), null, cache,
                TieredExtraction.Policy.DEFAULT, TieredExtraction.Listener.NONE), BusinessHours.DEFAULT);

        Extraction x = extractor.extract("Around lunch.", CALL);

        assertThat(x.time()).map(Extracted::value).contains(LocalTime.NOON);
        assertThat(x.usage()).isEqualTo(new Usage(0, 0, 0, 1, 0));
    }

    @Test
    void withoutTheLlmAnUnsettledUtteranceCostsNothing() {
        Extraction x = TieredExtractor.localOnly(BusinessHours.DEFAULT).extract("around lunch", CALL);
        assertThat(x.time()).isEmpty();
        assertThat(x.usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void yesAnswers() {
        for (String s : new String[] {"yes", "Yeah, that's right", "sounds good", "Perfect.", "ok", "please do", "correct"}) {
            assertThat(TieredExtractor.answer(s.toLowerCase())).as(s).map(Extracted::value).contains(true);
        }
    }

    @Test
    void noAnswersIncludingANegatedYes() {
        for (String s : new String[] {"no", "Nope", "that's wrong", "that's not right", "no that is not correct", "not correct"}) {
            assertThat(TieredExtractor.answer(s.toLowerCase())).as(s).map(Extracted::value).contains(false);
        }
    }

    @Test
    void neitherOrBothIsNoAnswer() {
        for (String s : new String[] {"tomorrow at 3", "hmm let me think", "yes no", "I'm not sure", "not really sure, yes maybe", "snowy", "known"}) {
            assertThat(TieredExtractor.answer(s.toLowerCase())).as(s).isEmpty();
        }
    }

    @Test
    void aBlankUtteranceIsEmptyAndFree() {
        TieredExtractor extractor = TieredExtractor.localOnly(BusinessHours.DEFAULT);
        for (String s : new String[] {"", "   ", "\t\n"}) {
            assertThat(extractor.extract(s, CALL)).as("'%s'", s).isEqualTo(Extraction.EMPTY);
        }
        assertThat(extractor.extract(null, CALL)).isEqualTo(Extraction.EMPTY);
        assertThat(extractor.extract("okay", CALL).answer()).isEqualTo(Optional.of(new Extracted<>(true, 0.9)));
    }
}
