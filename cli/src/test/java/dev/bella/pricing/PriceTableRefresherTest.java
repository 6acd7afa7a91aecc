package dev.bella.pricing;

import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bella.prices.PriceCatalog;
import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;

class PriceTableRefresherTest {

    private static final String TARGET = "AWSPriceListService.GetProducts";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final PriceTableLoader loader = new PriceTableLoader();
    private final PriceTable existing = loader.load(Path.of("..", "configs", "prices", "aws-ca-central-1.yaml"));
    private WireMockServer aws;
    private PricingClient pricing;
    private SavingsplansClient savingsPlans;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        AwsClients clients = new AwsClients(AwsSettings.of(null, "us-east-1", URI.create(aws.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
        pricing = clients.create(PricingClient.builder());
        savingsPlans = clients.create(SavingsplansClient.builder());
    }

    @AfterEach
    void stop() {
        pricing.close();
        savingsPlans.close();
        aws.stop();
    }

    private Refreshed refresh() {
        return new PriceTableRefresher(pricing, savingsPlans, CLOCK).refresh("ca-central-1", existing);
    }

    private static MappingBuilder offeringRates() {
        return post(urlEqualTo("/DescribeSavingsPlansOfferingRates"))
                .withHeader("Content-Type", containing("application/json"));
    }

    private static ResponseDefinitionBuilder ratesPage(List<String> rates, String nextToken) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(CanadaPriceList.savingsPlanPage(rates, nextToken));
    }

    /** REST-JSON errors name their type in the x-amzn-ErrorType header. */
    private static ResponseDefinitionBuilder restError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazonaws.savingsplans/")
                .withHeader("x-amzn-RequestId", "5d1c2b3a-0000-4000-8000-000000000000")
                .withBody("{\"message\":\"" + message + "\"}");
    }

    /** The Fargate Savings Plans rates in two pages. */
    private void stubSavingsPlans() {
        List<String> rates = CanadaPriceList.savingsPlanRates();
        aws.stubFor(offeringRates().atPriority(5).willReturn(ratesPage(rates.subList(0, 20), "sp-page-2")));
        aws.stubFor(offeringRates().atPriority(2)
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo("sp-page-2")))
                .willReturn(ratesPage(rates.subList(20, rates.size()), null)));
    }

    private static MappingBuilder getProducts(String serviceCode) {
        return post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("Content-Type", containing(JSON_1_1))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(serviceCode)));
    }

    private static ResponseDefinitionBuilder page(List<String> products, String nextToken) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1)
                .withBody(ProductJson.page(products, nextToken));
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_1_1)
                .withHeader("x-amzn-RequestId", "8f2b1c8e-0000-4000-8000-000000000000")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    /** The whole ca-central-1 answer; AmazonECS comes in two pages. */
    private void stubCanada() {
        List<String> ecs = CanadaPriceList.fargate();
        aws.stubFor(getProducts("AmazonECS").atPriority(5).willReturn(page(ecs.subList(0, 3), "ecs-page-2")));
        aws.stubFor(getProducts("AmazonECS").atPriority(1)
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("ecs-page-2")))
                .willReturn(page(ecs.subList(3, ecs.size()), null)));
        aws.stubFor(getProducts("AmazonRDS").withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Field == 'productFamily' && @.Value == 'Database Instance')]"))
                .willReturn(page(CanadaPriceList.rdsInstances(), null)));
        aws.stubFor(getProducts("AmazonRDS").withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Field == 'productFamily' && @.Value == 'Database Storage')]"))
                .willReturn(page(CanadaPriceList.rdsStorage(), null)));
        aws.stubFor(getProducts("AmazonElastiCache").willReturn(page(CanadaPriceList.cache(), null)));
        aws.stubFor(getProducts("AWSELB").willReturn(page(CanadaPriceList.alb(), null)));
        aws.stubFor(getProducts("AmazonApiGateway").willReturn(page(CanadaPriceList.apiGateway(), null)));
        aws.stubFor(getProducts("AmazonVPC").willReturn(page(CanadaPriceList.vpc(), null)));
        aws.stubFor(getProducts("AmazonEC2").willReturn(page(CanadaPriceList.nat(), null)));
        aws.stubFor(getProducts("AWSDataTransfer").willReturn(page(CanadaPriceList.transfer(), null)));
        aws.stubFor(getProducts("AmazonCloudWatch").willReturn(page(CanadaPriceList.logs(), null)));
        stubSavingsPlans();
    }

    @Test
    void readsEveryAwsPriceAndCarriesTheRestOver() {
        stubCanada();

        Refreshed r = refresh();

        assertThat(r.missingKeys()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.complete()).isTrue();
        List<String> carried = new ArrayList<>(List.of("fargate.spot-discount", "fargate.billing-increment-seconds",
                "fargate.billing-minimum-seconds", "apigw.vpc-link.hour",
                "cloudmap.instance-month", "data-transfer.out.free-gb", "logs.free-gb",
                "openai.gpt-4o-mini.input.million-tokens", "openai.gpt-4o-mini.output.million-tokens",
                "twilio.voice.inbound.minute", "twilio.number.month", "twilio.speech-recognition.15s",
                "twilio.voice.billing-increment", "twilio.speech-recognition.block-seconds",
                "twilio.speech-recognition.dtmf-only-gather", "twilio.tts.basic.100-characters"));
        // the alternatives' prices (bella cost alternatives) are not read from the Price List: carried over too
        carried.addAll(PriceCatalog.alternativesKeys());
        assertThat(r.carriedKeys()).containsExactlyElementsOf(carried);

        PriceTable t = loader.parse(r.yaml(), "refreshed");
        assertThat(t.region()).isEqualTo("ca-central-1");
        List<String> all = new ArrayList<>(PriceCatalog.allKeys());
        all.addAll(PriceCatalog.commitmentKeys());
        assertThat(t.all().keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(t.price("fargate.x86.vcpu-hour")).isEqualByComparingTo("0.04456");
        assertThat(t.price("fargate.arm64.gb-hour")).isEqualByComparingTo("0.00391");
        assertThat(t.price("rds.postgres.db.t3.micro.single-az")).isEqualByComparingTo("0.020");
        assertThat(t.price("rds.postgres.db.t4g.medium.multi-az")).isEqualByComparingTo("0.144");
        assertThat(t.price("rds.postgres.db.t3.micro.reserved-1y-no-upfront.single-az")).isEqualByComparingTo("0.014");
        assertThat(t.price("rds.storage.gp3.gb-month")).isEqualByComparingTo("0.127");
        assertThat(t.price("elasticache.cache.t4g.small.on-demand")).isEqualByComparingTo("0.036");
        assertThat(t.price("alb.hour")).isEqualByComparingTo("0.02475");
        assertThat(t.price("alb.lcu-hour")).isEqualByComparingTo("0.0088");
        assertThat(t.price("apigw.http.million-requests")).isEqualByComparingTo("1.10");
        assertThat(t.price("vpc.public-ipv4.hour")).isEqualByComparingTo("0.005");
        assertThat(t.price("vpc.nat-gateway.gb")).isEqualByComparingTo("0.05");
        assertThat(t.price("data-transfer.out.gb")).isEqualByComparingTo("0.09");
        assertThat(t.price("logs.ingestion.gb")).isEqualByComparingTo("0.55");
        assertThat(t.price("logs.storage.gb-month")).isEqualByComparingTo("0.033");
    }

    @Test
    void amortisesAnAllUpfrontReservationOver8760Hours() {
        stubCanada();

        PriceTable t = loader.parse(refresh().yaml(), "refreshed");

        BigDecimal fee = CanadaPriceList.allUpfrontFee("0.040"); // db.t3.micro multi-AZ, 0.020 x 2
        assertThat(t.price("rds.postgres.db.t3.micro.reserved-1y-all-upfront.multi-az"))
                .isEqualByComparingTo(fee.divide(BigDecimal.valueOf(8760), 6, RoundingMode.HALF_UP));
        assertThat(t.entry("rds.postgres.db.t3.micro.reserved-1y-all-upfront.multi-az").note())
                .contains("1yr All Upfront", fee.toPlainString() + " USD upfront / 8760 h");
        assertThat(t.price("elasticache.cache.t3.micro.reserved-1y-all-upfront"))
                .isEqualByComparingTo(new BigDecimal(CanadaPriceList.CACHE_ALL_UPFRONT_FEE)
                        .divide(BigDecimal.valueOf(8760), 6, RoundingMode.HALF_UP));
    }

    @Test
    void amortisesPartialUpfrontAndThreeYearReservationsOverTheirTerm() {
        stubCanada();

        PriceTable t = loader.parse(refresh().yaml(), "refreshed");

        // 60 upfront / 8760 h = 0.006849 + 0.005 hourly
        assertThat(t.price("rds.postgres.db.t3.micro.reserved-1y-partial-upfront.single-az")).isEqualByComparingTo("0.011849");
        // 150 upfront / 26280 h = 0.005708 + 0.006 hourly
        assertThat(t.price("rds.postgres.db.t4g.micro.reserved-3y-partial-upfront.multi-az")).isEqualByComparingTo("0.011708");
        assertThat(t.entry("rds.postgres.db.t4g.micro.reserved-3y-partial-upfront.multi-az").note())
                .contains("3yr Partial Upfront", "150 USD upfront / 26280 h + 0.006 USD/h");
        // 262.8 / 26280 = 0.01
        assertThat(t.price("rds.postgres.db.t3.small.reserved-3y-all-upfront.single-az")).isEqualByComparingTo("0.01");
        // 52.56 / 8760 = 0.006 + 0.004; 131.4 / 26280 = 0.005 + 0.003; 210.24 / 26280 = 0.008
        assertThat(t.price("elasticache.cache.t4g.micro.reserved-1y-partial-upfront")).isEqualByComparingTo("0.010");
        assertThat(t.price("elasticache.cache.t4g.micro.reserved-3y-partial-upfront")).isEqualByComparingTo("0.008");
        assertThat(t.price("elasticache.cache.t3.small.reserved-3y-all-upfront")).isEqualByComparingTo("0.008");
    }

    @Test
    void readsFargateComputeSavingsPlansRatesFromTheSavingsPlansApi() {
        stubCanada();

        Refreshed r = refresh();
        PriceTable t = loader.parse(r.yaml(), "refreshed");

        assertThat(t.price("fargate.x86.vcpu-hour.savings-plan-1y-no-upfront")).isEqualByComparingTo("0.0356");
        assertThat(t.price("fargate.x86.gb-hour.savings-plan-1y-partial-upfront")).isEqualByComparingTo("0.0037");
        assertThat(t.price("fargate.arm64.vcpu-hour.savings-plan-3y-all-upfront")).isEqualByComparingTo("0.0193");
        assertThat(t.price("fargate.arm64.gb-hour.savings-plan-3y-no-upfront")).isEqualByComparingTo("0.0023");
        assertThat(t.entry("fargate.x86.vcpu-hour.savings-plan-3y-partial-upfront").price()).isEqualByComparingTo("0.0250");
        // EKS's Fargate, Windows and another region's rows are on the pages too and must not be taken
        assertThat(r.warnings()).isEmpty();
        assertThat(t.entry("fargate.x86.vcpu-hour.savings-plan-1y-no-upfront").url()).isEqualTo(
                "https://savingsplans.amazonaws.com/DescribeSavingsPlansOfferingRates?savingsPlanTypes=Compute"
                        + "&products=Fargate&serviceCodes=AmazonECS&region=ca-central-1");
        assertThat(t.entry("fargate.x86.vcpu-hour.savings-plan-1y-no-upfront").date()).isEqualTo(TODAY);
        assertThat(t.entry("fargate.x86.vcpu-hour.savings-plan-1y-no-upfront").note())
                .contains("CAN1-Fargate-vCPU-Hours:perCPU", "1 year No Upfront Compute Savings Plan");
        assertThat(t.entry("fargate.arm64.gb-hour.savings-plan-1y-all-upfront").unit()).isEqualTo("GB-hour");
    }

    @Test
    void asksTheSavingsPlansApiForComputePlansOfEcsFargateInTheRegionAndFollowsNextToken() {
        stubCanada();

        refresh();

        aws.verify(2, postRequestedFor(urlEqualTo("/DescribeSavingsPlansOfferingRates"))
                .withHeader("Authorization", containing("/us-east-1/savingsplans/aws4_request"))
                .withRequestBody(matchingJsonPath("$.savingsPlanTypes[0]", equalTo("Compute")))
                .withRequestBody(matchingJsonPath("$.products[0]", equalTo("Fargate")))
                .withRequestBody(matchingJsonPath("$.serviceCodes[0]", equalTo("AmazonECS")))
                .withRequestBody(matchingJsonPath("$.filters[0].name", equalTo("region")))
                .withRequestBody(matchingJsonPath("$.filters[0].values[0]", equalTo("ca-central-1"))));
        aws.verify(1, postRequestedFor(urlEqualTo("/DescribeSavingsPlansOfferingRates"))
                .withRequestBody(matchingJsonPath("$.nextToken", equalTo("sp-page-2"))));
    }

    @Test
    void aSavingsPlansRateTheApiDidNotReturnIsReportedMissing() {
        stubCanada();
        List<String> rates = CanadaPriceList.savingsPlanRates().stream()
                .filter(json -> !json.contains("\"All Upfront\"")).toList();
        aws.stubFor(offeringRates().atPriority(1).willReturn(ratesPage(rates, null)));

        Refreshed r = refresh();

        assertThat(r.missingKeys()).containsExactlyInAnyOrder(
                "fargate.x86.vcpu-hour.savings-plan-1y-all-upfront", "fargate.x86.gb-hour.savings-plan-1y-all-upfront",
                "fargate.arm64.vcpu-hour.savings-plan-1y-all-upfront", "fargate.arm64.gb-hour.savings-plan-1y-all-upfront",
                "fargate.x86.vcpu-hour.savings-plan-3y-all-upfront", "fargate.x86.gb-hour.savings-plan-3y-all-upfront",
                "fargate.arm64.vcpu-hour.savings-plan-3y-all-upfront", "fargate.arm64.gb-hour.savings-plan-3y-all-upfront");
        assertThat(loader.parse(r.yaml(), "refreshed").has("fargate.x86.vcpu-hour.savings-plan-1y-all-upfront")).isFalse();
    }

    @Test
    void aThrottledSavingsPlansCallIsRetriedByTheSdk() {
        stubCanada();
        aws.stubFor(offeringRates().atPriority(1)
                .inScenario("throttle-sp").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(restError(429, "ThrottlingException", "Rate exceeded"))
                .willSetStateTo("recovered"));

        Refreshed r = refresh();

        assertThat(r.missingKeys()).isEmpty();
        aws.verify(3, postRequestedFor(urlEqualTo("/DescribeSavingsPlansOfferingRates")));
    }

    @Test
    void aDeniedSavingsPlansCallNamesTheIamActionAndIsNotRetried() {
        stubCanada();
        aws.stubFor(offeringRates().atPriority(1).willReturn(restError(403, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        + "savingsplans:DescribeSavingsPlansOfferingRates")));

        assertThatThrownBy(this::refresh)
                .isInstanceOfSatisfying(PriceListException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.isAuthProblem()).isTrue();
                    assertThat(e.outcome().code()).isEqualTo(3);
                })
                .hasMessageStartingWith("AWS Savings Plans API refused DescribeSavingsPlansOfferingRates: "
                        + "AccessDeniedException (HTTP 403): access denied: needs IAM permission "
                        + "savingsplans:DescribeSavingsPlansOfferingRates");
        aws.verify(1, postRequestedFor(urlEqualTo("/DescribeSavingsPlansOfferingRates")));
    }

    @Test
    void refreshedEntriesNameTheOfferFileAndTodayCarriedOnesKeepTheirSource() {
        stubCanada();

        PriceTable t = loader.parse(refresh().yaml(), "refreshed");

        assertThat(t.entry("alb.hour").url())
                .isEqualTo("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSELB/current/ca-central-1/index.json");
        assertThat(t.entry("alb.hour").date()).isEqualTo(TODAY);
        assertThat(t.entry("alb.hour").note()).startsWith("sku TESTSKU");
        for (String key : List.of("openai.gpt-4o-mini.input.million-tokens", "twilio.speech-recognition.15s",
                "apigw.vpc-link.hour")) {
            assertThat(t.entry(key).price()).as(key).isEqualByComparingTo(existing.price(key));
            assertThat(t.entry(key).url()).as(key).isEqualTo(existing.entry(key).url());
            assertThat(t.entry(key).date()).as(key).isEqualTo(existing.entry(key).date());
            assertThat(t.entry(key).note()).as(key).isEqualTo(existing.entry(key).note());
        }
    }

    @Test
    void speaksAwsJson11ToUsEast1AndFollowsNextToken() {
        stubCanada();

        refresh();

        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("Content-Type", containing(JSON_1_1))
                // signed for the Price List API's own region, whatever region the prices are for
                .withHeader("Authorization", containing("Credential=AKIDTEST/20"))
                .withHeader("Authorization", containing("/us-east-1/pricing/aws4_request"))
                .withRequestBody(matchingJsonPath("$.FormatVersion", equalTo("aws_v1")))
                .withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Type == 'TERM_MATCH' && @.Field == 'regionCode' && @.Value == 'ca-central-1')]")));
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.ServiceCode",
                equalTo("AmazonECS"))));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.NextToken",
                equalTo("ecs-page-2"))));
        aws.verify(1, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo("AWSDataTransfer")))
                .withRequestBody(matchingJsonPath(
                        "$.Filters[?(@.Field == 'fromRegionCode' && @.Value == 'ca-central-1')]")));
    }

    @Test
    void aPriceTheApiDidNotReturnIsReportedMissing() {
        stubCanada();
        aws.stubFor(getProducts("AWSELB").atPriority(1).willReturn(page(List.of(), null)));

        Refreshed r = refresh();

        assertThat(r.missingKeys()).containsExactly("alb.hour", "alb.lcu-hour");
        assertThat(r.complete()).isFalse();
        assertThat(loader.parse(r.yaml(), "refreshed").has("alb.hour")).isFalse();
    }

    @Test
    void twoProductsAtDifferentPricesForOneKeyAreAWarningNotAGuess() {
        stubCanada();
        List<String> vpc = new ArrayList<>(CanadaPriceList.vpc());
        vpc.add(ProductJson.product("AmazonVPC", "VpcPublicIPv4Address", "ca-central-1",
                "CAN1-PublicIPv4:InUseAddress").onDemand("Hrs", "0.0060000000").json());
        aws.stubFor(getProducts("AmazonVPC").atPriority(1).willReturn(page(vpc, null)));

        Refreshed r = refresh();

        assertThat(r.missingKeys()).containsExactly("vpc.public-ipv4.hour");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("vpc.public-ipv4.hour: 2 products match at different prices (0.005 from sku");
    }

    @Test
    void aThrottledCallIsRetriedByTheSdk() {
        stubCanada();
        aws.stubFor(getProducts("AmazonVPC").atPriority(1)
                .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "ThrottlingException", "Rate exceeded"))
                .willSetStateTo("recovered"));

        Refreshed r = refresh();

        assertThat(r.missingKeys()).isEmpty();
        assertThat(loader.parse(r.yaml(), "refreshed").price("vpc.public-ipv4.hour")).isEqualByComparingTo("0.005");
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.ServiceCode",
                equalTo("AmazonVPC"))));
    }

    @ParameterizedTest
    @CsvSource({
        "400, AccessDeniedException, User: arn:aws:iam::123456789012:user/ci is not authorized to perform: pricing:GetProducts",
        "403, UnrecognizedClientException, The security token included in the request is invalid."
    })
    void anAuthErrorIsAClearExceptionAndIsNotRetried(int status, String type, String message) {
        aws.stubFor(post(urlEqualTo("/")).willReturn(error(status, type, message)));

        assertThatThrownBy(this::refresh)
                .isInstanceOfSatisfying(PriceListException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(type);
                    assertThat(e.isAuthProblem()).isTrue();
                })
                .hasMessageStartingWith("AWS Price List API refused GetProducts for AmazonECS: " + type
                        + " (HTTP " + status + "): " + message)
                .hasMessageEndingWith("check the AWS credentials (--profile, AWS_PROFILE) and that they allow"
                        + " pricing:GetProducts");
        aws.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void anUnreachableEndpointSaysSo() {
        aws.stop();

        assertThatThrownBy(this::refresh)
                .isInstanceOf(PriceListException.class)
                .hasMessageStartingWith("cannot reach the AWS Price List API (GetProducts for AmazonECS)")
                .hasMessageContaining("--endpoint-url");
    }

    @Test
    void aRegionThatIsNotARegionCodeIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> new PriceTableRefresher(pricing, savingsPlans, CLOCK).refresh("Canada (Central)", existing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an AWS region code");
        aws.verify(0, postRequestedFor(urlEqualTo("/")));
    }
}
