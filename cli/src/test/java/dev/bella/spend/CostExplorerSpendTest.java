package dev.bella.spend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.spec.Budget;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;

/** Cost Explorer through the real SDK client against WireMock speaking JSON 1.1 with X-Amz-Target. */
class CostExplorerSpendTest {

    static final String USAGE = "AWSInsightsIndexService.GetCostAndUsage";
    static final String FORECAST = "AWSInsightsIndexService.GetCostForecast";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer aws;
    CostExplorerClient ce;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        ce = new AwsClients(AwsSettings.of(null, "us-east-1", URI.create(aws.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .create(CostExplorerClient.builder());
    }

    @AfterEach
    void stop() {
        ce.close();
        aws.stop();
    }

    static MappingBuilder call(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Content-Type", containing("application/x-amz-json-1.1"));
    }

    static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-RequestId", "req-1")
                .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}");
    }

    /** One day's ResultByTime, Total {} as Cost Explorer writes it when grouped. */
    static String day(String start, String end, boolean estimated, String... groups) {
        return "{\"TimePeriod\":{\"Start\":\"" + start + "\",\"End\":\"" + end + "\"},\"Total\":{},\"Groups\":["
                + String.join(",", groups) + "],\"Estimated\":" + estimated + "}";
    }

    static String group(String service, String second, String amount) {
        return group("UnblendedCost", service, second, amount);
    }

    static String group(String metric, String service, String second, String amount) {
        return "{\"Keys\":[\"" + service + "\",\"" + second + "\"],\"Metrics\":{\"" + metric + "\":{\"Amount\":\""
                + amount + "\",\"Unit\":\"USD\"}}}";
    }

    static String page(String nextToken, String... days) {
        return "{\"GroupDefinitions\":[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"},{\"Type\":\"DIMENSION\",\"Key\":\"RECORD_TYPE\"}],"
                + "\"ResultsByTime\":[" + String.join(",", days) + "],\"DimensionValueAttributes\":[]"
                + (nextToken == null ? "" : ",\"NextPageToken\":\"" + nextToken + "\"") + "}";
    }

    CostExplorerSpend source() {
        return new CostExplorerSpend(ce, ServiceCategories.bundled(), CLOCK, java.time.Duration.ofMillis(5));
    }

    static SpendQuery monthToDate(boolean forecast) {
        return new SpendQuery(SpendPeriod.monthToDate(CLOCK), true, Metric.UNBLENDED, SpendQuery.Split.NONE,
                Optional.empty(), false, forecast);
    }

    @Test
    void pages_are_followed_and_record_types_stay_separate_lines() throws IOException {
        aws.stubFor(call(USAGE).withRequestBody(notContaining("NextPageToken")).willReturn(ok(page("tok-2",
                day("2026-11-01", "2026-11-02", false,
                        group("Amazon Elastic Container Service", "Usage", "1.2345678"),
                        group("Amazon Relational Database Service", "Usage", "0.55"),
                        group("Amazon Relational Database Service", "Credit", "-0.30"))))));
        aws.stubFor(call(USAGE).withRequestBody(matchingJsonPath("$.NextPageToken", equalTo("tok-2"))).willReturn(ok(page(null,
                day("2026-11-02", "2026-11-03", true,
                        group("Amazon Elastic Container Service", "Usage", "1.10"),
                        group("Tax", "Tax", "0.21"),
                        group("Amazon Brand New Thing", "Usage", "0.01"))))));

        Spend s = source().fetch(monthToDate(false));

        assertThat(s.total()).isEqualByComparingTo("2.8045678");
        assertThat(s.daily()).containsOnlyKeys(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
        assertThat(s.daily().get(LocalDate.of(2026, 11, 1))).isEqualByComparingTo("1.4845678");
        assertThat(s.estimatedDays()).containsExactly(LocalDate.of(2026, 11, 2));
        assertThat(s.notes()).anyMatch(n -> n.contains("2 pages")).anyMatch(n -> n.startsWith("estimated: figures from 2026-11-02"));
        assertThat(s.lines()).containsEntry(new Spend.Key("all", "Amazon Relational Database Service", ChargeKind.CREDIT,
                Category.DATABASE), new BigDecimal("-0.30"));
        assertThat(s.lines()).containsEntry(new Spend.Key("all", "Tax", ChargeKind.TAX, Category.OTHER), new BigDecimal("0.21"));
        assertThat(s.lines()).containsEntry(new Spend.Key("all", "Amazon Brand New Thing", ChargeKind.USAGE, Category.OTHER),
                new BigDecimal("0.01"));

        JsonNode first = JSON.readTree(aws.getAllServeEvents().getLast().getRequest().getBodyAsString());
        assertThat(first.at("/TimePeriod/Start").asText()).isEqualTo("2026-11-01");
        assertThat(first.at("/TimePeriod/End").asText()).isEqualTo("2026-11-20");
        assertThat(first.path("Granularity").asText()).isEqualTo("DAILY");
        assertThat(first.path("Metrics").get(0).asText()).isEqualTo("UnblendedCost");
        assertThat(first.at("/GroupBy/0/Key").asText()).isEqualTo("SERVICE");
        assertThat(first.at("/GroupBy/1/Key").asText()).isEqualTo("RECORD_TYPE");
    }

    @Test
    void throttling_is_retried_until_it_succeeds() {
        aws.stubFor(call(USAGE).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "com.amazonaws.awsinsightsindexservice#LimitExceededException", "Rate exceeded"))
                .willSetStateTo("again"));
        aws.stubFor(call(USAGE).inScenario("throttle").whenScenarioStateIs("again")
                .willReturn(error(400, "LimitExceededException", "Rate exceeded")).willSetStateTo("ok"));
        aws.stubFor(call(USAGE).inScenario("throttle").whenScenarioStateIs("ok").willReturn(ok(page(null,
                day("2026-11-01", "2026-11-02", false, group("AmazonCloudWatch", "Usage", "0.42"))))));

        Spend s = source().fetch(new SpendQuery(SpendPeriod.month(YearMonth.of(2026, 10)), true, Metric.UNBLENDED,
                SpendQuery.Split.NONE, Optional.empty(), false, false));

        assertThat(s.total()).isEqualByComparingTo("0.42");
        assertThat(s.lines().keySet()).allMatch(k -> k.category() == Category.STORAGE_AND_LOGS);
        aws.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(USAGE)));
    }

    @Test
    void month_to_date_shows_the_last_full_month_beside_it() throws IOException {
        aws.stubFor(call(USAGE).withRequestBody(containing("GroupBy")).willReturn(ok(page(null,
                day("2026-11-01", "2026-11-02", false, group("AWS Lambda", "Usage", "1"))))));
        aws.stubFor(call(USAGE).withRequestBody(notContaining("GroupBy")).willReturn(ok("{\"ResultsByTime\":[{"
                + "\"TimePeriod\":{\"Start\":\"2026-10-01\",\"End\":\"2026-11-01\"},\"Total\":{\"UnblendedCost\":"
                + "{\"Amount\":\"123.456\",\"Unit\":\"USD\"}},\"Groups\":[],\"Estimated\":false}],"
                + "\"DimensionValueAttributes\":[]}")));
        Spend s = source().fetch(monthToDate(false));
        assertThat(s.notes()).contains("last full month (2026-10): $123.46");
        JsonNode last = JSON.readTree(aws.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(last.at("/TimePeriod/Start").asText()).isEqualTo("2026-10-01");
        assertThat(last.at("/TimePeriod/End").asText()).isEqualTo("2026-11-01");
        assertThat(last.path("Granularity").asText()).isEqualTo("MONTHLY");
    }

    @Test
    void access_denied_names_the_missing_permission() {
        aws.stubFor(call(USAGE).willReturn(error(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform this operation")));
        assertThatThrownBy(() -> source().fetch(monthToDate(false)))
                .hasMessageContaining("needs IAM permission ce:GetCostAndUsage");
    }

    @Test
    void an_empty_account_is_a_zero_report_not_an_error() {
        aws.stubFor(call(USAGE).willReturn(ok(page(null, day("2026-11-01", "2026-11-02", false),
                day("2026-11-02", "2026-11-03", false)))));
        Spend s = source().fetch(monthToDate(false));
        assertThat(s.lines()).isEmpty();
        assertThat(s.daily()).hasSize(2);
        CostReport r = SpendReportBuilder.build(s, ThirdPartyCosts.NONE, Budget.NONE, "test", Optional.empty());
        assertThat(r.total()).isEqualByComparingTo("0");
        assertThat(r.environments()).hasSize(1);
        assertThat(r.unavailable()).isEmpty();
    }

    @Test
    void data_unavailable_is_reported_not_hidden() {
        aws.stubFor(call(USAGE).willReturn(error(400, "DataUnavailableException", "Data is not available.")));
        Spend s = source().fetch(monthToDate(false));
        assertThat(s.unavailable()).singleElement().asString().contains("Cost Explorer has no data", "Data is not available.");
    }

    @Test
    void the_forecast_covers_the_rest_of_the_month_and_feeds_the_budget_gate() throws IOException {
        aws.stubFor(call(USAGE).willReturn(ok(page(null,
                day("2026-11-01", "2026-11-02", false, group("Amazon Elastic Container Service", "Usage", "60")),
                day("2026-11-02", "2026-11-03", false, group("Amazon Elastic Container Service", "Usage", "40"))))));
        aws.stubFor(call(FORECAST).willReturn(ok("{\"Total\":{\"Amount\":\"88.123\",\"Unit\":\"USD\"},"
                + "\"ForecastResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-20\",\"End\":\"2026-12-01\"},"
                + "\"MeanValue\":\"88.123\",\"PredictionIntervalLowerBound\":\"70.5\",\"PredictionIntervalUpperBound\":\"101\"}]}")));

        Spend s = source().fetch(monthToDate(true));
        Spend.Forecast f = s.forecast().orElseThrow();
        assertThat(f.start()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(f.endExclusive()).isEqualTo(LocalDate.of(2026, 12, 1));
        JsonNode body = JSON.readTree(aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FORECAST))).getFirst().getBodyAsString());
        assertThat(body.path("Metric").asText()).isEqualTo("UNBLENDED_COST");
        assertThat(body.at("/TimePeriod/End").asText()).isEqualTo("2026-12-01");

        Budget budget = new Budget(Optional.of(new BigDecimal("150")), Optional.of(new BigDecimal("8")), List.of(),
                Optional.empty(), Optional.empty());
        CostReport r = SpendReportBuilder.build(s, ThirdPartyCosts.NONE, budget, "test", Optional.empty());
        assertThat(r.forecast().orElseThrow().monthTotal()).isEqualByComparingTo("188.12");
        assertThat(r.forecast().orElseThrow().low()).contains(new BigDecimal("70.50"));
        assertThat(BudgetCheck.violation(r, BudgetCheck.Limit.MONTHLY, false)).isEmpty(); // $100 spent of $150
        assertThat(BudgetCheck.violation(r, BudgetCheck.Limit.MONTHLY, true)).get().asString()
                .contains("$188.12 is over the monthly limit $150.00 by $38.12");
        // the highest day ($60) is over the $8 daily limit; the forecast's $88.12 over 11 days ($8.01 a day) too
        assertThat(BudgetCheck.violation(r, BudgetCheck.Limit.DAILY, false)).get().asString()
                .contains("(highest day, 2026-11-01) $60.00").contains("by $52.00");
        assertThat(BudgetCheck.violation(r, BudgetCheck.Limit.DAILY, true)).get().asString().contains("$8.01");
    }

    @Test
    void a_period_that_ends_today_is_forecast_from_tomorrow_so_today_is_not_counted_twice() throws IOException {
        // today is 2026-11-20 (CLOCK); --from 2026-11-01 --to 2026-11-20 includes today's (estimated) figures
        aws.stubFor(call(USAGE).willReturn(ok(page(null,
                day("2026-11-01", "2026-11-02", false, group("Amazon Elastic Container Service", "Usage", "60")),
                day("2026-11-20", "2026-11-21", true, group("Amazon Elastic Container Service", "Usage", "5.2"))))));
        aws.stubFor(call(FORECAST).willReturn(ok("{\"Total\":{\"Amount\":\"50\",\"Unit\":\"USD\"},"
                + "\"ForecastResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-21\",\"End\":\"2026-12-01\"},"
                + "\"MeanValue\":\"50\"}]}")));
        SpendQuery q = new SpendQuery(SpendPeriod.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 21)), true,
                Metric.UNBLENDED, SpendQuery.Split.NONE, Optional.empty(), false, true);
        Spend s = source().fetch(q);
        JsonNode body = JSON.readTree(aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FORECAST))).getFirst().getBodyAsString());
        assertThat(body.at("/TimePeriod/Start").asText()).isEqualTo("2026-11-21");
        assertThat(s.forecast().orElseThrow().start()).isEqualTo(LocalDate.of(2026, 11, 21));
        CostReport r = SpendReportBuilder.build(s, ThirdPartyCosts.NONE, Budget.NONE, "test", Optional.empty());
        assertThat(r.forecast().orElseThrow().monthTotal()).isEqualByComparingTo("115.20"); // 60 + 5.20 + 50
        // today is still estimated: the last complete day is the 1st
        assertThat(r.budget().orElseThrow().lastCompleteDay().orElseThrow().day()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void a_forecast_cost_explorer_cannot_make_is_reported() {
        aws.stubFor(call(USAGE).willReturn(ok(page(null, day("2026-11-01", "2026-11-02", false)))));
        aws.stubFor(call(FORECAST).willReturn(error(400, "DataUnavailableException", "Insufficient amount of historical data")));
        Spend s = source().fetch(monthToDate(true));
        assertThat(s.forecast()).isEmpty();
        assertThat(s.unavailable()).singleElement().asString().contains("Insufficient amount of historical data");
    }

    @Test
    void split_by_environment_tag_and_filter_by_environment() throws IOException {
        aws.stubFor(call(USAGE).willReturn(ok(page(null, day("2026-10-01", "2026-11-01", false,
                group("AmortizedCost", "Amazon Relational Database Service", "Environment$prod", "10.5"),
                group("AmortizedCost", "Amazon Relational Database Service", "Environment$", "1.5"))))));
        SpendQuery q = new SpendQuery(SpendPeriod.month(YearMonth.of(2026, 10)), false, Metric.AMORTIZED,
                SpendQuery.Split.ENVIRONMENT, Optional.of("prod"), false, false);
        Spend s = source().fetch(q);
        assertThat(s.lines().keySet()).extracting(Spend.Key::environment).containsExactlyInAnyOrder("prod", "untagged");
        assertThat(s.daily()).isEmpty();
        JsonNode body = JSON.readTree(aws.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(body.path("Granularity").asText()).isEqualTo("MONTHLY");
        assertThat(body.at("/Metrics/0").asText()).isEqualTo("AmortizedCost");
        assertThat(body.at("/GroupBy/1/Type").asText()).isEqualTo("TAG");
        assertThat(body.at("/GroupBy/1/Key").asText()).isEqualTo("Environment");
        assertThat(body.at("/Filter/Tags/Key").asText()).isEqualTo("Environment");
        assertThat(body.at("/Filter/Tags/Values/0").asText()).isEqualTo("prod");
    }

    @Test
    void split_by_linked_account_names_the_accounts() {
        aws.stubFor(call(USAGE).willReturn(ok("{\"GroupDefinitions\":[],\"ResultsByTime\":[" + day("2026-10-01", "2026-11-01", false,
                group("AWS Lambda", "111111111111", "2"), group("AWS Lambda", "222222222222", "3")) + "],"
                + "\"DimensionValueAttributes\":[{\"Value\":\"111111111111\",\"Attributes\":{\"description\":\"bella-prod\"}}]}")));
        SpendQuery q = new SpendQuery(SpendPeriod.month(YearMonth.of(2026, 10)), false, Metric.UNBLENDED,
                SpendQuery.Split.ACCOUNT, Optional.empty(), false, false);
        Spend s = source().fetch(q);
        assertThat(s.lines().keySet()).extracting(Spend.Key::environment)
                .containsExactlyInAnyOrder("111111111111 (bella-prod)", "222222222222");
        assertThat(s.total()).isEqualByComparingTo("5");
    }

    @Test
    void the_real_cost_explorer_response_sums_to_its_own_amounts() throws IOException {
        Path file = RealBillFilesTest.DATA.resolve("ce-get-cost-and-usage-monthly-by-service.json");
        if (!Files.isRegularFile(file)) {
            System.out.println("SKIPPED the_real_cost_explorer_response_sums_to_its_own_amounts: " + file + " is absent");
        }
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared data absent");
        String body = Files.readString(file);
        aws.stubFor(call(USAGE).willReturn(ok(body)));
        BigDecimal independent = BigDecimal.ZERO;
        for (JsonNode r : JSON.readTree(body).path("ResultsByTime")) {
            for (JsonNode g : r.path("Groups")) {
                independent = independent.add(new BigDecimal(g.at("/Metrics/UnblendedCost/Amount").asText()));
            }
        }
        SpendQuery q = new SpendQuery(SpendPeriod.between(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 10, 1)), false,
                Metric.UNBLENDED, SpendQuery.Split.NONE, Optional.empty(), false, false);
        Spend s = source().fetch(q);
        assertThat(s.total()).isEqualByComparingTo(independent);
        Map<String, Category> byService = new java.util.HashMap<>();
        s.lines().keySet().forEach(k -> byService.put(k.service(), k.category()));
        assertThat(byService).containsEntry("EC2 - Other", Category.NETWORKING)
                .containsEntry("AmazonCloudWatch", Category.STORAGE_AND_LOGS)
                .containsEntry("Amazon Elastic Container Service", Category.COMPUTE)
                .containsEntry("Amazon Relational Database Service", Category.DATABASE)
                .containsEntry("AWS Amplify", Category.OTHER);
        assertThat(s.lines().keySet()).allMatch(k -> k.kind() == ChargeKind.USAGE);
    }
}
