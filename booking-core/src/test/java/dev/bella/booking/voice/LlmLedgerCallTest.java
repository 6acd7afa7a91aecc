package dev.bella.booking.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.booking.extract.BusinessHours;
import dev.bella.booking.extract.ExtractionCache;
import dev.bella.booking.extract.LlmExtractor;
import dev.bella.booking.extract.LocalExtractor;
import dev.bella.booking.extract.OpenAiStub;
import dev.bella.booking.extract.TieredExtraction;
import dev.bella.booking.extract.TieredExtractor;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole calls whose extractor is the real tiered one over the real OpenAI client, pointed at WireMock: what the
 * local grammar cannot settle goes to the LLM once, its tokens land in the call's ledger row and are priced at the
 * configured rates, and the same words later that day come from the cache for free.
 */
class LlmLedgerCallTest {

    /** "around lunch" names no clock time: the local tier leaves TIME unresolved, so it is asked of the LLM. */
    static final String UNSETTLED = "My name is Jane Doe, tomorrow around lunch";
    static final int PROMPT_TOKENS = 412;
    static final int COMPLETION_TOKENS = 37;

    static WireMockServer openai;
    static Harness h;

    @BeforeAll
    static void start() {
        openai = new WireMockServer(options().dynamicPort());
        openai.start();
        // the wall clock, not the harness's fixed one: the LLM budget is a real deadline. A generous budget keeps a
        // busy build machine from timing out the first request (class loading, TLS-less connect).
        LlmExtractor llm = LlmExtractor.create("sk-test", OpenAiStub.baseUrl(openai), Duration.ofSeconds(30), Clock.systemUTC());
        TieredExtractor extractor = new TieredExtractor(new TieredExtraction(new LocalExtractor(), llm,
                ExtractionCache.inProcess(), TieredExtraction.Policy.DEFAULT, TieredExtraction.Listener.NONE),
                BusinessHours.DEFAULT);
        h = Harness.start(extractor);
    }

    @AfterAll
    static void stop() {
        h.close();
        openai.stop();
    }

    @Test
    void theLlmTurnIsChargedToTheCallAndTheSameWordsLaterAreACacheHit() throws Exception {
        h.reset();
        openai.stubFor(OpenAiStub.chat().willReturn(OpenAiStub.completion(
                OpenAiStub.answer("", "", "", "12:00", 0.85), PROMPT_TOKENS, COMPLETION_TOKENS)));

        Harness.Call first = h.call("CA-LLM-1");
        first.dial();
        assertThat(first.say(UNSETTLED).body()).contains("Jane Doe, Thursday, January 3 at noon. Press 1 to book");
        // only the unsettled field was asked, against the call's date
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo(LlmExtractor.MODEL))));
        assertThat(first.press("1").body()).contains("You're booked for Thursday, January 3 at noon.");
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE call_sid = 'CA-LLM-1' AND llm_calls = 1"
                + " AND llm_tokens_in = " + PROMPT_TOKENS + " AND llm_tokens_out = " + COMPLETION_TOKENS
                + " AND cache_hits = 0 AND cache_misses = 1 AND cost_usd IS NULL")).isEqualTo(1);

        assertThat(first.hangUp(75).status()).isEqualTo(200);
        // the price table's model: 2 started minutes at 0.0085 + the greeting's speech block (0.02; the keypad
        // read-back has no speech charge) + 412 tokens at 0.15/M + 37 tokens at 0.60/M = 0.017 + 0.02 + 0.000084
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE call_sid = 'CA-LLM-1' AND twilio_minutes = 2.00"
                + " AND speech_blocks = 1 AND keypad_gathers = 1 AND llm_usd = 0.000084 AND cost_usd = 0.037084"))
                .isEqualTo(1);

        Harness.Call second = h.call("CA-LLM-2", "+15557654321");
        second.dial();
        // noon is now taken by the first caller: the flow offers neighbours, which proves the time was understood
        assertThat(second.say(UNSETTLED.toLowerCase() + ".").body()).contains("Thursday, January 3 at noon is already taken");
        openai.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE call_sid = 'CA-LLM-2' AND llm_calls = 0"
                + " AND llm_tokens_in = 0 AND llm_tokens_out = 0 AND cache_hits = 1 AND cache_misses = 0")).isEqualTo(1);
        assertThat(second.hangUp(30).status()).isEqualTo(200);
        // 1 minute at 0.0085 + the greeting's speech block; the offer of other times listens for keys only
        assertThat(h.pg.count("SELECT count(*) FROM call_costs WHERE call_sid = 'CA-LLM-2' AND cost_usd = 0.028500"))
                .isEqualTo(1);
    }
}
