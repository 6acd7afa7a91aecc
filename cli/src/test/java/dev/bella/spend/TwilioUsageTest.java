package dev.bella.spend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.bella.spend.ThirdPartyTest.OCTOBER;
import static dev.bella.spend.ThirdPartyTest.RECORDS;
import static dev.bella.spend.ThirdPartyTest.SID;
import static dev.bella.spend.ThirdPartyTest.page;
import static dev.bella.spend.ThirdPartyTest.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bella.report.LineItem;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's usage records per category, API-key credentials, a base URL with a path, and a Twilio out of reach. */
class TwilioUsageTest {

    static final String KEY = "SK00000000000000000000000000000002";

    WireMockServer twilio;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    void stub(String prefix, String category, String body) {
        twilio.stubFor(get(urlPathEqualTo(prefix + RECORDS)).withQueryParam("Category", equalTo(category))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** What a month of the booking line looks like in Twilio's categories: minutes, recognitions, one local number. */
    void stubMonth(String prefix) {
        stub(prefix, "calls-inbound", page(0, null, record("2000", "5000", "42.50")));
        stub(prefix, "speech-recognition", page(0, null, record("speech-recognition", "Speech Recognition", "1990",
                "calls", "8000", "recognitions", "160.00")));
        stub(prefix, "phonenumbers", page(0, null, record("phonenumbers", "Phone Numbers", "1", "phonenumbers", "1",
                "phonenumbers", "1.15")));
    }

    TwilioUsage usage(TwilioCredentials credentials, String base) {
        return TwilioUsage.of(credentials, Optional.of(URI.create(base)));
    }

    @Test
    void each_category_is_its_own_line_with_its_own_units() {
        stubMonth("");
        TwilioUsage.Result r = usage(new TwilioCredentials(SID, SID, "token"), twilio.baseUrl()).fetch(OCTOBER);

        assertThat(r.calls()).isEqualTo(2000);
        assertThat(r.lines()).extracting(LineItem::id)
                .containsExactly("twilio-calls-inbound", "twilio-speech-recognition", "twilio-phonenumbers");
        assertThat(r.lines()).extracting(LineItem::unit).containsExactly("minutes", "recognitions", "numbers");
        assertThat(r.lines().get(0).quantity()).isEqualByComparingTo("5000");
        assertThat(r.lines().get(0).amount()).isEqualByComparingTo("42.50");
        assertThat(r.lines().get(1).quantity()).isEqualByComparingTo("8000");
        assertThat(r.lines().get(1).amount()).isEqualByComparingTo("160.00");
        assertThat(r.lines().get(1).unitPrice()).isEqualByComparingTo("0.02");
        assertThat(r.lines().get(2).amount()).isEqualByComparingTo("1.15");
        twilio.verify(getRequestedFor(urlPathEqualTo(RECORDS)).withQueryParam("Category", equalTo("speech-recognition"))
                .withQueryParam("StartDate", equalTo("2026-10-01")).withQueryParam("EndDate", equalTo("2026-10-31")));
    }

    @Test
    void a_record_of_another_category_is_not_added_to_the_minutes() {
        // a stand-in (or proxy) that ignores the Category filter answers with every category
        String all = page(0, null, record("2000", "5000", "42.50"), record("speech-recognition", "Speech Recognition",
                "1990", "calls", "8000", "recognitions", "160.00"), record("totalprice", "Total Price", "", "", "203.65",
                "usd", "203.65"));
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(all)));

        TwilioUsage.Result r = usage(new TwilioCredentials(SID, SID, "token"), twilio.baseUrl()).fetch(OCTOBER);

        assertThat(r.lines()).extracting(LineItem::id).containsExactly("twilio-calls-inbound", "twilio-speech-recognition");
        assertThat(r.lines().get(0).amount()).isEqualByComparingTo("42.50");
        assertThat(r.lines().get(1).amount()).isEqualByComparingTo("160.00");
    }

    @Test
    void an_api_key_signs_the_requests_and_the_account_sid_stays_in_the_path() {
        stubMonth("");
        TwilioCredentials key = TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_API_KEY", KEY,
                "TWILIO_API_SECRET", "key-secret"));

        assertThat(usage(key, twilio.baseUrl()).fetch(OCTOBER).calls()).isEqualTo(2000);

        String basic = "Basic " + Base64.getEncoder().encodeToString((KEY + ":key-secret").getBytes(StandardCharsets.UTF_8));
        twilio.verify(3, getRequestedFor(urlPathEqualTo(RECORDS)).withHeader("Authorization", equalTo(basic)));
    }

    @Test
    void the_api_url_keeps_its_path_on_every_page() {
        String prefix = "/proxy/twilio";
        stub(prefix, "calls-inbound", page(0, RECORDS + "?Category=calls-inbound&PageSize=50&Page=1&PageToken=PA1",
                record("1200", "3000", "25.50")));
        twilio.stubFor(get(urlPathEqualTo(prefix + RECORDS)).withQueryParam("PageToken", equalTo("PA1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(1, null, record("780", "1950.5", "16.58")))));
        stub(prefix, "speech-recognition", page(0, null));
        stub(prefix, "phonenumbers", page(0, null));

        TwilioUsage.Result r = usage(new TwilioCredentials(SID, SID, "token"), twilio.baseUrl() + prefix + "/")
                .fetch(OCTOBER);

        assertThat(r.calls()).isEqualTo(1980);
        assertThat(r.lines().get(0).amount()).isEqualByComparingTo("42.08");
        twilio.verify(4, getRequestedFor(urlPathEqualTo(prefix + RECORDS)));
    }

    @Test
    void a_twilio_out_of_reach_is_one_line_naming_where() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closed;
        assertThatThrownBy(() -> usage(new TwilioCredentials(SID, SID, "token"), base).fetch(OCTOBER))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("Twilio unreachable at " + base + ": ")
                .hasMessageEndingWith("; check the network and --twilio-api-url")
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        twilio.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> usage(new TwilioCredentials(SID, SID, "token"), twilio.baseUrl()).fetch(OCTOBER))
                .isInstanceOf(ProviderException.class).hasMessageStartingWith("Twilio unreachable at " + twilio.baseUrl())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void twilio_throttling_is_retry_later() {
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":20429,\"message\":\"Too Many "
                        + "Requests\",\"more_info\":\"https://www.twilio.com/docs/errors/20429\",\"status\":429}")));
        assertThatThrownBy(() -> usage(new TwilioCredentials(SID, SID, "token"), twilio.baseUrl()).fetch(OCTOBER))
                .isInstanceOfSatisfying(ProviderBusyException.class, e -> assertThat(e.outcome().code()).isEqualTo(75))
                .hasMessage("Twilio rate-limited the usage records (429 Too Many Requests): run the report again in a minute");
    }

    @Test
    void credentials_from_the_environment_say_what_is_missing_or_misplaced() {
        assertThat(TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "tok")))
                .isEqualTo(new TwilioCredentials(SID, SID, "tok"));
        // an API key wins over a token, and its secret is never printed
        TwilioCredentials key = TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "tok",
                "TWILIO_API_KEY", KEY, "TWILIO_API_SECRET", "s3cret"));
        assertThat(key).isEqualTo(new TwilioCredentials(SID, KEY, "s3cret"));
        assertThat(key.toString()).doesNotContain("s3cret");

        assertThatThrownBy(() -> TwilioCredentials.fromEnv(Map.of())).isInstanceOf(SpendException.class)
                .hasMessage("--twilio needs TWILIO_ACCOUNT_SID (AC…) with TWILIO_AUTH_TOKEN, or with an API key in "
                        + "TWILIO_API_KEY (SK…) and TWILIO_API_SECRET");
        assertThatThrownBy(() -> TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", KEY, "TWILIO_AUTH_TOKEN", "x")))
                .isInstanceOf(SpendException.class).hasMessage("TWILIO_ACCOUNT_SID holds an API key SID (SK…): put it "
                        + "in TWILIO_API_KEY with its secret in TWILIO_API_SECRET, and the account SID (AC…) in TWILIO_ACCOUNT_SID");
        assertThatThrownBy(() -> TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_API_KEY", KEY)))
                .isInstanceOf(SpendException.class)
                .hasMessage("TWILIO_API_KEY is set but TWILIO_API_SECRET is not: give the key's secret");
        assertThatThrownBy(() -> TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_API_KEY", SID,
                "TWILIO_API_SECRET", "s"))).isInstanceOf(SpendException.class)
                .hasMessage("TWILIO_API_KEY must be an API key SID, starting with SK, got 'AC0000…'");
        assertThatThrownBy(() -> TwilioCredentials.fromEnv(Map.of("TWILIO_ACCOUNT_SID", SID)))
                .isInstanceOf(SpendException.class).hasMessageStartingWith("--twilio needs TWILIO_AUTH_TOKEN");
    }
}
