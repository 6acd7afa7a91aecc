package dev.bella.spend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.report.LineItem;
import dev.bella.report.Money;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio through its official SDK against WireMock; the ledger on a real (embedded) PostgreSQL. */
class ThirdPartyTest {

    static final String SID = "AC00000000000000000000000000000001";
    static final String RECORDS = "/2010-04-01/Accounts/" + SID + "/Usage/Records.json";
    static final SpendPeriod OCTOBER = SpendPeriod.month(YearMonth.of(2026, 10));

    static TestLedger ledger;
    WireMockServer twilio;

    @BeforeAll
    static void startPostgres() throws IOException, SQLException {
        ledger = TestLedger.start("insert into call_costs(call_sid, started_at, duration_seconds, twilio_minutes, llm_calls, "
                + "llm_tokens_in, llm_tokens_out) values "
                + "('CA1', '2026-10-01T00:00:00Z', 150, 2.50, 1, 600, 120),"
                + "('CA2', '2026-10-15T12:00:00-04:00', 90, 1.50, 0, 0, 0),"
                + "('CA3', '2026-10-31T23:59:59Z', 200, 3.34, 2, 1300, 250),"
                // outside October, on both sides (UTC)
                + "('CA4', '2026-09-30T23:59:59Z', 60, 1.00, 1, 999999, 999999),"
                + "('CA5', '2026-10-31T20:30:00-04:00', 60, 1.00, 1, 999999, 999999)");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        ledger.close();
    }

    @BeforeEach
    void startTwilio() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
    }

    @AfterEach
    void stopTwilio() {
        twilio.stop();
    }

    LedgerReader ledger() {
        return new LedgerReader(ledger.jdbcUrl(), Optional.empty(), Optional.empty());
    }

    @Test
    void the_ledger_counts_the_periods_calls_and_tokens_in_utc() {
        LedgerReader.Totals t = ledger().read(OCTOBER);
        assertThat(t.calls()).isEqualTo(3);
        assertThat(t.tokensIn()).isEqualTo(1900);
        assertThat(t.tokensOut()).isEqualTo(370);
        assertThat(t.twilioMinutes()).isEqualByComparingTo("7.34");
        assertThat(t.llmCalls()).isEqualTo(3);
        assertThat(ledger().read(SpendPeriod.month(YearMonth.of(2026, 12))).calls()).isZero();
    }

    @Test
    void tokens_are_priced_from_the_price_table() {
        PriceTable prices = new PriceTableLoader().load(Path.of("..", "configs", "prices", "aws-ca-central-1.yaml"));
        List<LineItem> lines = LedgerReader.lines(new LedgerReader.Totals(3, 2_000_000, 500_000, new BigDecimal("7.34"), 3),
                prices, "gpt-4o-mini", true);
        BigDecimal in = prices.price(PriceKeys.llmInputMillionTokens("gpt-4o-mini"));
        BigDecimal out = prices.price(PriceKeys.llmOutputMillionTokens("gpt-4o-mini"));
        BigDecimal minute = prices.price(PriceKeys.TWILIO_INBOUND_MINUTE);
        assertThat(lines).extracting(LineItem::id).containsExactly("openai-input-tokens", "openai-output-tokens",
                "twilio-minutes-ledger");
        assertThat(lines.get(0).amount()).isEqualByComparingTo(Money.cents(in.multiply(BigDecimal.valueOf(2))));
        assertThat(lines.get(1).amount()).isEqualByComparingTo(Money.cents(out.multiply(new BigDecimal("0.5"))));
        assertThat(lines.get(2).amount()).isEqualByComparingTo(Money.cents(minute.multiply(new BigDecimal("7.34"))));
    }

    @Test
    void an_unreachable_ledger_is_a_provider_error_and_a_bad_url_a_usage_error() {
        LedgerReader down = new LedgerReader("jdbc:postgresql://127.0.0.1:9/bella", Optional.of("x"),
                Optional.of("y"), java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> down.read(OCTOBER)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("ledger database").hasMessageContaining("--ledger-url");
        assertThatThrownBy(() -> new LedgerReader("jdbc:mysql://db/bella", Optional.empty(), Optional.empty()))
                .isInstanceOf(SpendException.class).hasMessageContaining("expected a PostgreSQL JDBC URL");
    }

    static String record(String count, String usage, String price) {
        return record("calls-inbound", "Voice Minutes Inbound", count, "calls", usage, "minutes", price);
    }

    static String record(String category, String description, String count, String countUnit, String usage,
                         String usageUnit, String price) {
        return "{\"account_sid\":\"" + SID + "\",\"api_version\":\"2010-04-01\",\"as_of\":\"2026-11-01T00:00:00+00:00\","
                + "\"category\":\"" + category + "\",\"count\":\"" + count + "\",\"count_unit\":\"" + countUnit + "\","
                + "\"description\":\"" + description + "\",\"end_date\":\"2026-10-31\",\"price\":\"" + price + "\","
                + "\"price_unit\":\"usd\",\"start_date\":\"2026-10-01\",\"subresource_uris\":{},\"uri\":\"" + RECORDS
                + "?Category=" + category + "\",\"usage\":\"" + usage + "\",\"usage_unit\":\"" + usageUnit + "\"}";
    }

    TwilioUsage usage(String user, String password) {
        return TwilioUsage.of(new TwilioCredentials(SID, user, password), Optional.of(URI.create(twilio.baseUrl())));
    }

    void stubEmpty(String category) {
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("Category", equalTo(category))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(0, null))));
    }

    static String page(int page, String next, String... records) {
        return "{\"first_page_uri\":\"" + RECORDS + "?PageSize=50&Page=0\",\"end\":0,\"previous_page_uri\":null,"
                + "\"uri\":\"" + RECORDS + "?PageSize=50&Page=" + page + "\",\"page_size\":50,\"start\":0,"
                + "\"next_page_uri\":" + (next == null ? "null" : "\"" + next + "\"") + ",\"page\":" + page + ","
                + "\"usage_records\":[" + String.join(",", records) + "]}";
    }

    @Test
    void twilio_usage_records_for_the_period_with_their_pages() {
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("Category", equalTo("calls-inbound"))
                .withQueryParam("StartDate", equalTo("2026-10-01")).withQueryParam("EndDate", equalTo("2026-10-31"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(0, RECORDS + "?Category=calls-inbound&PageSize=50&Page=1&PageToken=PA1",
                                record("1200", "3000", "25.50")))));
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("PageToken", equalTo("PA1"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(1, null, record("780", "1950.5", "16.58")))));
        stubEmpty("speech-recognition");
        stubEmpty("phonenumbers");
        TwilioUsage usage = usage(SID, "token");

        TwilioUsage.Result r = usage.fetch(OCTOBER);

        assertThat(r.calls()).isEqualTo(1980);
        assertThat(r.lines()).extracting(LineItem::id).containsExactly("twilio-calls-inbound");
        assertThat(r.lines().get(0).amount()).isEqualByComparingTo("42.08");
        assertThat(r.lines().get(0).quantity()).isEqualByComparingTo("4950.5");
        String basic = "Basic " + Base64.getEncoder().encodeToString((SID + ":token").getBytes());
        twilio.verify(getRequestedFor(urlPathEqualTo(RECORDS)).withHeader("Authorization", equalTo(basic)));
    }

    @Test
    void twilio_refusing_the_credentials_is_a_provider_error_naming_the_variables() {
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20003,\"detail\":\"Your AccountSid or AuthToken was incorrect.\","
                        + "\"message\":\"Authentication Error - invalid username\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}")));
        TwilioUsage usage = usage(SID, "wrong");
        assertThatThrownBy(() -> usage.fetch(OCTOBER)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("Twilio error 401").hasMessageContaining("TWILIO_AUTH_TOKEN");
    }

    @Test
    void cost_per_call_is_aws_plus_twilio_plus_openai_over_the_ledgers_calls() {
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page(0, null))));
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("Category", equalTo("calls-inbound"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(0, null, record("3", "7.34", "0.10")))));
        var spec = new SpecLoader().load(Path.of("..", "configs", "bella.yaml"));
        SpendReportService.ThirdParty third = new SpendReportService.ThirdParty(
                Optional.of(usage(SID, "t")),
                Optional.of(ledger()));
        ThirdPartyCosts costs = SpendReportService.thirdParty(third, OCTOBER, spec, Optional.empty());
        assertThat(costs.calls()).hasValue(3);
        assertThat(costs.lines()).extracting(LineItem::id)
                .containsExactly("twilio-calls-inbound", "openai-input-tokens", "openai-output-tokens");
        Spend aws = new Spend("aws", OCTOBER, java.util.Map.of(new Spend.Key("all", "AWS Lambda", ChargeKind.USAGE,
                dev.bella.report.Category.COMPUTE), new BigDecimal("0.20")), new java.util.TreeMap<>(),
                new java.util.TreeSet<>(), List.of(), List.of(), Optional.empty(), Optional.empty());
        var report = SpendReportBuilder.build(aws, costs, spec.budget(), "test", Optional.empty());
        BigDecimal thirdParty = costs.lines().stream().map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = new BigDecimal("0.20").add(thirdParty).divide(BigDecimal.valueOf(3), 4, java.math.RoundingMode.HALF_UP);
        assertThat(report.costPerCall().orElseThrow().value()).isEqualByComparingTo(expected);
        assertThat(report.costPerCall().orElseThrow().target()).contains(new BigDecimal("0.05"));
        assertThat(report.thirdPartyTotal()).isEqualByComparingTo(thirdParty);
        assertThat(costs.notes()).anySatisfy(n -> assertThat(n).startsWith("Twilio's usage records against the ledger: "
                + "calls 3 (ledger 3); inbound minutes 7.34 (ledger 7.34, 0.0%)"));
    }

    @Test
    void twilios_usage_records_are_set_against_the_ledger_category_by_category() {
        // Twilio billed 8.00 minutes over 4 calls where the ledger recorded 7.34 over 3: (8.00 - 7.34) / 7.34 = +9.0%
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page(0, null))));
        twilio.stubFor(get(urlPathEqualTo(RECORDS)).withQueryParam("Category", equalTo("calls-inbound"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(page(0, null, record("4", "8.00", "0.07")))));
        var spec = new SpecLoader().load(Path.of("..", "configs", "bella.yaml"));
        ThirdPartyCosts costs = SpendReportService.thirdParty(new SpendReportService.ThirdParty(
                Optional.of(usage(SID, "t")), Optional.of(ledger())), OCTOBER, spec, Optional.empty());
        assertThat(costs.notes()).anySatisfy(n -> assertThat(n).startsWith("Twilio's usage records against the ledger: "
                + "calls 4 (ledger 3); inbound minutes 8.00 (ledger 7.34, +9.0%)"));
        // without the ledger there is nothing to set Twilio against
        ThirdPartyCosts alone = SpendReportService.thirdParty(new SpendReportService.ThirdParty(
                Optional.of(usage(SID, "t")), Optional.empty()), OCTOBER, spec, Optional.empty());
        assertThat(alone.notes()).noneMatch(n -> n.startsWith("Twilio's usage records against the ledger"));
    }
}
