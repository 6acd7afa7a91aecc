package dev.bella.commitments;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import dev.bella.commitments.CommitmentsReport.Advice;
import dev.bella.commitments.CommitmentsReport.Held;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The commitments service against a stand-in AWS speaking each SDK client's real wire protocol. */
class CommitmentsServiceTest {

    static final Spec SPEC = new SpecLoader().load(Path.of("../configs/bella.yaml"));

    WireMockServer aws;
    FakeCommitmentsAccount account;
    CommitmentsService service;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        account = new FakeCommitmentsAccount(aws);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
        AwsSettings settings = AwsSettings.of(null, "ca-central-1", URI.create(aws.baseUrl()));
        service = new CommitmentsService(new AwsClients(settings, credentials),
                new AwsClients(AwsSettings.of(null, "us-east-1", URI.create(aws.baseUrl())), credentials), Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        service.close();
        aws.stop();
    }

    static CommitmentsQuery query(Term term, Payment payment) {
        return new CommitmentsQuery(Lookback.DAYS_30, term, payment, BigDecimal.valueOf(80), FakeCommitmentsAccount.TODAY, "prod");
    }

    @Test
    void coverage_is_summed_across_groups_and_pages_not_averaged() {
        account.stubHandCheckedAccount();
        CommitmentsReport r = service.run(SPEC, query(Term.ONE_YEAR, Payment.PARTIAL_UPFRONT)).report();
        var rds = r.coverage().get(0);
        assertThat(rds.service()).isEqualTo("Amazon Relational Database Service");
        assertThat(rds.groups()).extracting(CommitmentsReport.Group::name).containsExactly("db.t4g.micro", "db.t4g.small");
        assertThat(rds.percent()).contains(new BigDecimal("75.0"));
        assertThat(r.coverage().get(1).percent()).contains(new BigDecimal("25.0"));
        assertThat(r.reservedCoverage()).contains(new BigDecimal("60.3")); // 820 / 1360, not (75 + 25) / 2
        assertThat(r.belowTarget()).isTrue();
        assertThat(r.coverage().get(2).percent()).contains(new BigDecimal("25.0")); // Savings Plans: 10 of 40 USD
        assertThat(r.utilization().get(0).percent()).contains(new BigDecimal("97.2"));
        assertThat(r.utilization().get(1).percent()).isEmpty(); // ElastiCache: Cost Explorer has no reservation data
        assertThat(r.utilization().get(2).percent()).contains(new BigDecimal("98.6"));
        // the window asked for is the 30 days before today, end exclusive
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetReservationCoverage"))
                .withRequestBody(containing("\"TimePeriod\":{\"Start\":\"2026-11-06\",\"End\":\"2026-12-06\"}"))
                .withRequestBody(containing("\"Key\":\"INSTANCE_TYPE\"")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("\"NextPageToken\":\"page-2\"")));
    }

    @Test
    void advice_has_payback_months_and_risks_in_words() {
        account.stubHandCheckedAccount();
        CommitmentsReport r = service.run(SPEC, query(Term.ONE_YEAR, Payment.PARTIAL_UPFRONT)).report();
        Advice ri = r.advice().get(0);
        assertThat(ri.what()).isEqualTo("db.t4g.small PostgreSQL Single-AZ (Canada (Central))");
        assertThat(ri.upfront()).isEqualByComparingTo("60");
        assertThat(ri.breakEvenMonth()).contains(6);
        assertThat(ri.risks()).anyMatch(s -> s.contains("$60.00 paid up front"));
        Advice sp = r.advice().get(1);
        assertThat(sp.kind()).isEqualTo("savings-plan");
        assertThat(sp.breakEvenMonth()).contains(1);
        assertThat(sp.monthlyRecurring()).isEqualByComparingTo("7.30"); // 0.01 x 730 hours
        assertThat(sp.risks()).anyMatch(s -> s.contains("whether or not Fargate"));
        // the request carried the offer asked for
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetReservationPurchaseRecommendation"))
                .withRequestBody(containing("\"TermInYears\":\"ONE_YEAR\""))
                .withRequestBody(containing("\"PaymentOption\":\"PARTIAL_UPFRONT\""))
                .withRequestBody(containing("\"LookbackPeriodInDays\":\"THIRTY_DAYS\"")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetSavingsPlansPurchaseRecommendation"))
                .withRequestBody(containing("\"SavingsPlansType\":\"COMPUTE_SP\"")));
    }

    @Test
    void break_even_months_by_hand() {
        // 3y all upfront: 300 up front, saves 4/month after amortising: 300 / (4 + 300/36) = 24.3 -> month 25
        assertThat(PurchaseAdvice.breakEvenMonth(new BigDecimal("300"), new BigDecimal("4"), Term.THREE_YEARS)).contains(25);
        assertThat(PurchaseAdvice.breakEvenMonth(new BigDecimal("60"), new BigDecimal("5"), Term.ONE_YEAR)).contains(6);
        assertThat(PurchaseAdvice.breakEvenMonth(BigDecimal.ZERO, new BigDecimal("1"), Term.ONE_YEAR)).contains(1);
        // loses money every month: never
        assertThat(PurchaseAdvice.breakEvenMonth(new BigDecimal("120"), new BigDecimal("-11"), Term.ONE_YEAR)).isEmpty();
        assertThat(PurchaseAdvice.breakEvenMonth(BigDecimal.ZERO, BigDecimal.ZERO, Term.ONE_YEAR)).isEmpty();
    }

    @Test
    void a_reservation_for_an_instance_the_dev_schedule_stops_says_so() {
        // dev (office-hours schedule) runs the same db.t4g.micro as prod
        var risks = PurchaseAdvice.risks("reservation", "db.t4g.micro", BigDecimal.ZERO, Optional.of(1),
                query(Term.THREE_YEARS, Payment.NO_UPFRONT), SPEC);
        assertThat(risks).anyMatch(s -> s.startsWith("dev runs db.t4g.micro only on its office-hours schedule"));
        assertThat(risks).anyMatch(s -> s.startsWith("three years"));
    }

    @Test
    void expiring_commitments_and_one_that_expired_inside_the_lookback() {
        account.stubHandCheckedAccount();
        var result = service.run(SPEC, query(Term.ONE_YEAR, Payment.NO_UPFRONT));
        var expiring = result.report().expiring();
        assertThat(expiring).extracting(Held::id).containsExactly("ri-old", "ri-expiring", "sp-1");
        Held old = expiring.get(0);
        assertThat(old.expired()).isTrue();
        assertThat(old.daysLeft()).isEqualTo(-16);
        assertThat(old.note()).startsWith("ended inside the lookback");
        assertThat(old.lapseMonthlyCost()).contains(new BigDecimal("8.03")); // (0.036 - 0.025) x 730
        Held soon = expiring.get(1);
        assertThat(soon.daysLeft()).isEqualTo(14);
        assertThat(soon.lapseMonthlyCost()).contains(new BigDecimal("3.65")); // (0.018 - 0.013) x 730
        Held plan = expiring.get(2);
        assertThat(plan.daysLeft()).isEqualTo(30);
        assertThat(plan.lapseMonthlyCost()).contains(new BigDecimal("3.00"));
        // prod's db.t4g.micro is reserved (ri-expiring), as the spec says: nothing to change
        assertThat(result.changes()).isEmpty();
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Marker=page-2")));
        aws.verify(postRequestedFor(urlEqualTo("/DescribeSavingsPlans")));
    }

    @Test
    void an_account_without_commitments_and_nothing_to_buy() {
        account.stubAccountWithoutCommitments();
        var result = service.run(SPEC, query(Term.ONE_YEAR, Payment.NO_UPFRONT));
        CommitmentsReport r = result.report();
        assertThat(r.reservedCoverage()).contains(new BigDecimal("0.0"));
        assertThat(r.advice()).isEmpty();
        assertThat(r.expiring()).isEmpty();
        assertThat(r.notes()).contains("the account holds no reservations and no Savings Plans")
                .anyMatch(n -> n.startsWith("Cost Explorer recommends nothing to buy for 1y no-upfront"));
        assertThat(r.unavailable()).isEmpty();
        // the spec says prod's database is 100% reserved; nothing is held
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("commitments.database.coverage-percent");
            assertThat(c.from()).isEqualTo("100");
            assertThat(c.to()).isEqualTo("0");
        });
    }

    @Test
    void a_young_account_without_history_is_reported_not_an_error() {
        account.stubAccountWithoutCommitments();
        aws.stubFor(FakeCommitmentsAccount.ce("GetSavingsPlansCoverage").atPriority(1).willReturn(
                FakeCommitmentsAccount.ceError(400, "DataUnavailableException", "Data is not available")));
        aws.stubFor(FakeCommitmentsAccount.ce("GetReservationPurchaseRecommendation").atPriority(1).willReturn(
                FakeCommitmentsAccount.ceError(400, "DataUnavailableException", "Insufficient history")));
        CommitmentsReport r = service.run(SPEC, query(Term.ONE_YEAR, Payment.NO_UPFRONT)).report();
        assertThat(r.coverage().get(2).percent()).isEmpty();
        assertThat(r.advice()).isEmpty();
        assertThat(r.notes()).contains("Cost Explorer has no recommendation data yet (Insufficient history)")
                .noneMatch(n -> n.startsWith("Cost Explorer recommends nothing"));
        assertThat(r.unavailable()).isEmpty();
    }

    @Test
    void throttling_is_retried_until_cost_explorer_answers() {
        account.stubHandCheckedAccount();
        account.throttleFirstCoverageCall();
        CommitmentsReport r = service.run(SPEC, query(Term.ONE_YEAR, Payment.NO_UPFRONT)).report();
        assertThat(r.reservedCoverage()).contains(new BigDecimal("60.3"));
        // the throttled call, then RDS's two pages and ElastiCache's one
        aws.verify(4, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("AWSInsightsIndexService.GetReservationCoverage")));
    }

    @Test
    void access_denied_names_the_iam_action() {
        account.stubHandCheckedAccount();
        account.denyReservedDbInstances();
        assertThatThrownBy(() -> service.run(SPEC, query(Term.ONE_YEAR, Payment.NO_UPFRONT)))
                .isInstanceOf(AwsServiceException.class)
                .hasMessageStartingWith("access denied: needs IAM permission rds:DescribeReservedDBInstances");
    }

    @Test
    void json_follows_the_documented_schema() throws Exception {
        account.stubHandCheckedAccount();
        JsonNode j = new ObjectMapper().readTree(CommitmentsRenderer.json(
                service.run(SPEC, query(Term.ONE_YEAR, Payment.PARTIAL_UPFRONT)).report()));
        assertThat(j.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(j.path("reservedCoverage").decimalValue()).isEqualByComparingTo("60.3");
        assertThat(j.path("status").asText()).isEqualTo("under");
        assertThat(j.at("/lookback/start").asText()).isEqualTo("2026-11-06");
        assertThat(j.at("/coverage/0/groups/1/percent").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(j.at("/recommendations/0/breakEvenMonth").asInt()).isEqualTo(6);
        assertThat(j.at("/expiring/0/expired").asBoolean()).isTrue();
        assertThat(j.at("/utilization/1/percent").isNull()).isTrue();
    }
}
