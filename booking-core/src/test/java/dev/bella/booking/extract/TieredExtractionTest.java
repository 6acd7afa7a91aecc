package dev.bella.booking.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.booking.extract.TieredExtraction.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TieredExtractionTest {
    static final UtteranceContext WED = LlmExtractorTest.CTX;
    static final UtteranceContext THU = UtteranceContext.of(LocalExtractorTest.local("2026-11-26T10:00"),
            LocalExtractorTest.TORONTO, LocalExtractorTest.CALLER);
    static WireMockServer openai;
    TieredExtraction.Counting counts;
    TieredExtraction tiered;

    @BeforeAll
    static void start() {
        openai = new WireMockServer(options().dynamicPort());
        openai.start();
        LlmExtractorTest.warmUp(openai);
    }

    @AfterAll
    static void stop() {
        openai.stop();
    }

    @BeforeEach
    void fresh() {
        openai.resetAll();
        counts = new TieredExtraction.Counting();
        tiered = tiered(LlmExtractor.create("sk-test", OpenAiStub.baseUrl(openai), Duration.ofSeconds(2), Clock.systemUTC()));
    }

    TieredExtraction tiered(LlmExtractor llm) {
        return new TieredExtraction(new LocalExtractor(), llm, ExtractionCache.inProcess(),
                TieredExtraction.Policy.DEFAULT, counts);
    }

    int requests() {
        return openai.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size();
    }

    @Test
    void confidentLocalResultNeverCallsTheLlm() {
        ExtractionResult r = tiered.extract("my name is Ana Silva tomorrow at 3 pm", WED, ExtractionResult.EMPTY);
        assertThat(r.tier()).isEqualTo(Tier.LOCAL);
        assertThat(r.time()).isEqualTo(LocalTime.of(15, 0));
        assertThat(requests()).isZero();
        assertThat(counts.count(Decision.LOCAL_ONLY)).isEqualTo(1);
    }

    @Test
    void onlyTheDoubtfulFieldGoesToTheLlmAndTheMergeKeepsTheRest() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("Someone Else", "", "2026-12-31", "20:00", 0.85), 240, 31)));
        ExtractionResult r = tiered.extract("my name is Ana Silva friday at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.tier()).isEqualTo(Tier.LLM);
        assertThat(r.time()).isEqualTo(LocalTime.of(20, 0));
        assertThat(r.name()).isEqualTo("Ana Silva");                     // not asked: local stands
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 11, 27));      // not asked: local stands
        assertThat(r.tokens()).isEqualTo(new TokenUsage(240, 31));
        assertThat(counts.count(Decision.LLM)).isEqualTo(1);
        assertThat(counts.tokens()).isEqualTo(new TokenUsage(240, 31));
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.messages[0].content", containing("Fields wanted: [TIME]"))));
    }

    @Test
    void aLessConfidentLlmAnswerDoesNotReplaceTheLocalOne() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "", "", "20:00", 0.3), 200, 20)));
        ExtractionResult r = tiered.extract("at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(r.tier()).isEqualTo(Tier.LLM);   // tokens were spent on it all the same
    }

    @Test
    void aRelativeTimeIsNeverServedFromTheCacheAtAnotherTimeOfDay() {
        // issue 14: the prompt gives the model the local time, so "later today" depends on it
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "", "", "12:00", 0.8), 200, 25)));
        UtteranceContext morning = UtteranceContext.of(java.time.Instant.parse("2026-11-25T15:00:00Z"),
                java.time.ZoneId.of("America/Toronto"), "+15145550100");
        UtteranceContext afternoon = UtteranceContext.of(java.time.Instant.parse("2026-11-25T21:00:00Z"),
                java.time.ZoneId.of("America/Toronto"), "+15145550100");
        ExtractionResult first = tiered.extract("sometime later today", morning, ExtractionResult.EMPTY);
        assertThat(first.tier()).isEqualTo(Tier.LLM);
        ExtractionResult later = tiered.extract("sometime later today", afternoon, ExtractionResult.EMPTY);
        assertThat(later.tier()).isEqualTo(Tier.LLM);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void theSameUtteranceTheSameDayIsACacheHitAnotherDayIsNot() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "", "2026-11-27", "", 0.8), 200, 25)));
        ExtractionResult first = tiered.extract("sometime next week", WED, ExtractionResult.EMPTY);
        ExtractionResult second = tiered.extract("Sometime next week.", WED, ExtractionResult.EMPTY);
        assertThat(first.tier()).isEqualTo(Tier.LLM);
        assertThat(second.tier()).isEqualTo(Tier.CACHE);
        assertThat(second.tokens()).isEqualTo(TokenUsage.NONE);
        assertThat(second.date()).isEqualTo(first.date());
        assertThat(requests()).isEqualTo(1);
        ExtractionResult nextDay = tiered.extract("sometime next week", THU, ExtractionResult.EMPTY);
        assertThat(nextDay.tier()).isEqualTo(Tier.LLM);
        assertThat(requests()).isEqualTo(2);
        assertThat(counts.count(Decision.CACHE_HIT)).isEqualTo(1);
    }

    @Test
    void timeoutKeepsTheLocalResult() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "", "", "20:00", 0.9), 1, 1).withFixedDelay(10_000)));
        ExtractionResult r = tiered.extract("tomorrow at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.tier()).isEqualTo(Tier.LOCAL);
        assertThat(r.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(counts.count(Decision.LLM_UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void anAnswerWhoseEveryValueIsInvalidIsNotCachedAsNothingToExtract() {
        // issue 14: 2026-02-30 and 25:99 parse to nothing; caching that would answer "nothing" for 30 minutes
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "", "2026-02-30", "25:99", 0.9), 200, 25)));
        ExtractionResult first = tiered.extract("sometime next week", WED, ExtractionResult.EMPTY);
        assertThat(first.date()).isNull();
        ExtractionResult again = tiered.extract("sometime next week", WED, ExtractionResult.EMPTY);
        assertThat(again.tier()).isNotEqualTo(Tier.CACHE);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void malformedAnswerKeepsTheLocalResultIsNotCachedAndStillBillsItsTokens() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion("{\"time\": \"20:", 100, 4)));
        ExtractionResult r = tiered.extract("tomorrow at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.time()).isEqualTo(LocalTime.of(8, 0));
        // issue 14: a 200 with unusable content was billed; its tokens reach the ledger
        assertThat(r.tokens()).isEqualTo(new TokenUsage(100, 4));
        tiered.extract("tomorrow at 8", WED, ExtractionResult.EMPTY);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void useThisNumberWithoutACallerNumberNeverAsksTheModel() {
        // issue 14: only the call knows its number; the model could only invent one (and it would be cached)
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "+15145550000", "", "", 0.9), 200, 25)));
        UtteranceContext anonymous = UtteranceContext.of(java.time.Instant.parse("2026-11-25T15:00:00Z"),
                java.time.ZoneId.of("America/Toronto"), null);
        ExtractionResult r = tiered.extract("just use this number", anonymous, ExtractionResult.EMPTY);
        assertThat(r.phone()).isNull();
        assertThat(requests()).isZero();
    }

    @Test
    void aRefusalStillBillsItsTokensAndIsNotCached() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.refusal(90, 7)));
        ExtractionResult r = tiered.extract("tomorrow at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(r.tokens()).isEqualTo(new TokenUsage(90, 7));
        tiered.extract("tomorrow at 8", WED, ExtractionResult.EMPTY);
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void rateLimitKeepsTheLocalResult() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.rateLimited()));
        ExtractionResult r = tiered.extract("tomorrow at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheFlowStillWorks() {
        TieredExtraction off = tiered(null);
        ExtractionResult r = off.extract("sometime next week at 8", WED, ExtractionResult.EMPTY);
        assertThat(r.tier()).isEqualTo(Tier.LOCAL);
        assertThat(r.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(r.unresolved()).contains(Field.DATE);
        assertThat(counts.count(Decision.LLM_UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void whatTheCallAlreadyKnowsIsNotAskedAgain() {
        ExtractionResult known = new ExtractionResult(null, null, LocalDate.of(2026, 12, 1), null, null, null,
                Map.of(Field.DATE, 0.95), Set.of(), Tier.LOCAL, TokenUsage.NONE);
        ExtractionResult r = tiered.extract("any day that week works", WED, known);
        assertThat(r.tier()).isEqualTo(Tier.LOCAL);
        assertThat(requests()).isZero();
    }
}
