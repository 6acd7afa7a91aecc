package dev.bella.booking.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmExtractorTest {
    static final UtteranceContext CTX = UtteranceContext.of(LocalExtractorTest.WED, LocalExtractorTest.TORONTO,
            LocalExtractorTest.CALLER);
    static WireMockServer openai;
    LlmExtractor llm;

    /** The SDK's first call loads and initialises a lot (schema generation, OkHttp, Kotlin): pay it once, unbudgeted. */
    @BeforeAll
    static void startAndWarmUp() {
        openai = new WireMockServer(options().dynamicPort());
        openai.start();
        warmUp(openai);
    }

    static void warmUp(WireMockServer server) {
        server.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(OpenAiStub.answer("", "", "", "", 0), 1, 1)));
        LlmExtractor.create("sk-test", OpenAiStub.baseUrl(server), Duration.ofSeconds(120), Clock.systemUTC())
                .extract("warm up", CTX, Set.of(Field.DATE));
        server.resetAll();
    }

    @BeforeEach
    void client() {
        openai.resetAll();
        llm = LlmExtractor.create("sk-test", OpenAiStub.baseUrl(openai), Duration.ofSeconds(2), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        openai.stop();
    }

    /**
     * Building the request (the SDK's schema generation, seconds when cold) is not the model's time: the budget
     * starts once the request is ready. This clock jumps 5 s at every reading, as if each step between two
     * readings took that long; the request must still go out, with the whole budget.
     */
    @Test
    void theBudgetStartsWhenTheRequestIsReadyNotWhileItIsBuilt() {
        openai.stubFor(OpenAiStub.chat().willReturn(
                OpenAiStub.completion(OpenAiStub.answer("", "", "2026-12-21", "", 0.85), 231, 38)));
        Clock jumping = new Clock() {
            private Instant now = LocalExtractorTest.WED;

            @Override
            public synchronized Instant instant() {
                now = now.plusSeconds(5);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        LlmExtractor cold = LlmExtractor.create("sk-test", OpenAiStub.baseUrl(openai), Duration.ofSeconds(2), jumping);

        Optional<ExtractionResult> r = cold.extract("the monday before christmas", CTX, Set.of(Field.DATE));

        assertThat(r).map(ExtractionResult::date).contains(LocalDate.of(2026, 12, 21));
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void theBaseUrlFromTheEnvironmentMustIncludeV1() {
        assertThat(LlmExtractor.fromEnv(Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", OpenAiStub.baseUrl(openai)),
                Clock.systemUTC())).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LlmExtractor.fromEnv(Map.of("OPENAI_API_KEY", "sk-test",
                        "OPENAI_BASE_URL", openai.baseUrl()), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPENAI_BASE_URL must be an http(s) URL that includes /v1, like https://api.openai.com/v1, got '"
                        + openai.baseUrl() + "'");
        // without a key the tier is off and the variable is not read
        assertThat(LlmExtractor.fromEnv(Map.of("OPENAI_BASE_URL", "nonsense"), Clock.systemUTC())).isEmpty();
    }

    @Test
    void structuredOutputAnswerBecomesAnLlmResultWithTokens() {
        openai.stubFor(OpenAiStub.chat().willReturn(
                OpenAiStub.completion(OpenAiStub.answer("", "", "2026-12-21", "", 0.85), 231, 38)));
        Optional<ExtractionResult> r = llm.extract("the monday before christmas", CTX, Set.of(Field.DATE));
        assertThat(r).isPresent();
        assertThat(r.get().date()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(r.get().name()).isNull();
        assertThat(r.get().tier()).isEqualTo(Tier.LLM);
        assertThat(r.get().tokens()).isEqualTo(new TokenUsage(231, 38));
        assertThat(r.get().confidenceOf(Field.DATE)).isEqualTo(0.85);
        // the request: model, JSON-schema structured output, the reference date and zone in the prompt, bearer key
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format.type",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.dateConfidence"))
                .withRequestBody(matchingJsonPath("$.messages[0].content",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("today is 2026-11-25 (WEDNESDAY)")))
                .withRequestBody(matchingJsonPath("$.messages[0].content",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("America/Toronto")))
                .withRequestBody(matchingJsonPath("$.messages[1].content",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("the monday before christmas"))));
    }

    @Test
    void onlyTheAskedFieldsAreTakenAndValuesAreValidated() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("Ana Smythe", "not a number", "2026-13-45", "15:30", 0.99), 200, 40)));
        ExtractionResult r = llm.extract("x", CTX, Set.of(Field.NAME, Field.PHONE, Field.DATE)).orElseThrow();
        assertThat(r.name()).isEqualTo("Ana Smythe");
        assertThat(r.confidenceOf(Field.NAME)).isEqualTo(LlmExtractor.MAX_CONFIDENCE);   // capped
        assertThat(r.phone()).isNull();
        assertThat(r.date()).isNull();
        assertThat(r.time()).isNull();   // not asked
    }

    @Test
    void timeoutGivesUpWithinTheBudget() {
        openai.stubFor(OpenAiStub.chat().willReturn(
                OpenAiStub.completion(OpenAiStub.answer("", "", "2026-12-21", "", 0.8), 10, 10).withFixedDelay(10_000)));
        long t0 = System.nanoTime();
        Optional<ExtractionResult> r = llm.extract("the monday before christmas", CTX, Set.of(Field.DATE));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r).isEmpty();
        assertThat(ms).as("2 s budget, 10 s server").isLessThan(6_000);
        assertThat(openai.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size()).isBetween(1, 2);
    }

    @Test
    void rateLimitIsNotRetried() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.rateLimited()));
        assertThat(llm.extract("x", CTX, Set.of(Field.DATE))).isEmpty();
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void serverErrorIsRetriedOnce() {
        openai.stubFor(OpenAiStub.chat().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenAiStub.serverError()).willSetStateTo("up"));
        openai.stubFor(OpenAiStub.chat().inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(OpenAiStub.completion(OpenAiStub.answer("", "", "", "12:30", 0.8), 150, 30)));
        ExtractionResult r = llm.extract("half twelve", CTX, Set.of(Field.TIME)).orElseThrow();
        assertThat(r.time()).isEqualTo(LocalTime.of(12, 30));
        openai.verify(2, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void malformedJsonContentIsNoValueButItsBilledTokensAreKept() {
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion("{\"name\": \"Ana", 120, 5)));
        ExtractionResult r = llm.extract("x", CTX, Set.of(Field.NAME)).orElseThrow();
        assertThat(r.name()).isNull();
        assertThat(r.unresolved()).containsExactly(Field.NAME);
        assertThat(r.tokens()).isEqualTo(new TokenUsage(120, 5));
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }

    @Test
    void withoutAnApiKeyTheTierIsOff() {
        assertThat(LlmExtractor.fromEnv(Map.of(), Clock.systemUTC())).isEmpty();
        assertThat(LlmExtractor.fromEnv(Map.of("OPENAI_API_KEY", " "), Clock.systemUTC())).isEmpty();
        assertThat(LlmExtractor.fromEnv(Map.of("OPENAI_API_KEY", "sk-x"), Clock.systemUTC())).isPresent();
    }
}
