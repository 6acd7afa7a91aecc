package dev.bella.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.bella.cli.BellaJar;
import dev.bella.cli.BellaJar.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bella prices refresh} from the packaged jar against a stand-in for the Price List API (JSON 1.1) and the
 * Savings Plans API (REST-JSON), then {@code bella cost report} pricing configs/examples/savings-plan.yaml with the
 * table it wrote: stdout, stderr and exit code as a user sees them.
 */
class PricesRefreshJarIT {

    private static final String JSON_1_1 = "application/x-amz-json-1.1";


    @TempDir
    Path dir;
    private WireMockServer aws;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        stubPriceList();
        aws.stubFor(post(urlEqualTo("/DescribeSavingsPlansOfferingRates")).atPriority(5).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(CanadaPriceList.savingsPlanPage(CanadaPriceList.savingsPlanRates(), null))));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    private static MappingBuilder getProducts(String serviceCode) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(serviceCode)));
    }

    private void products(MappingBuilder m, List<String> products) {
        aws.stubFor(m.willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1)
                .withBody(ProductJson.page(products, null))));
    }

    private void stubPriceList() {
        products(getProducts("AmazonECS"), CanadaPriceList.fargate());
        products(getProducts("AmazonRDS").withRequestBody(matchingJsonPath("$.Filters[?(@.Value == 'Database Instance')]")),
                CanadaPriceList.rdsInstances());
        products(getProducts("AmazonRDS").withRequestBody(matchingJsonPath("$.Filters[?(@.Value == 'Database Storage')]")),
                CanadaPriceList.rdsStorage());
        products(getProducts("AmazonElastiCache"), CanadaPriceList.cache());
        products(getProducts("AWSELB"), CanadaPriceList.alb());
        products(getProducts("AmazonApiGateway"), CanadaPriceList.apiGateway());
        products(getProducts("AmazonVPC"), CanadaPriceList.vpc());
        products(getProducts("AmazonEC2"), CanadaPriceList.nat());
        products(getProducts("AWSDataTransfer"), CanadaPriceList.transfer());
        products(getProducts("AmazonCloudWatch"), CanadaPriceList.logs());
    }

    private Run bella(String... args) throws Exception {
        return BellaJar.run(dir, List.of(args));
    }

    @Test
    @Timeout(300)
    void theRefreshedTableCarriesTheSavingsPlansRatesAndTheExampleIsPricedWithThem() throws Exception {
        Path table = dir.resolve("prices.yaml");
        Run refresh = bella("prices", "refresh", "--region", "ca-central-1", "--endpoint-url", aws.baseUrl(),
                "--output", table.toString());

        assertThat(refresh.err()).isEmpty();
        assertThat(refresh.code()).isZero();
        assertThat(refresh.out()).isEmpty();
        assertThat(Files.readString(table))
                .contains("fargate.arm64.vcpu-hour.savings-plan-1y-no-upfront: {price: 0.0285, unit: vCPU-hour, "
                        + "source: savingsplans")
                .containsPattern("savingsplans: +\\{url: \"https://savingsplans.amazonaws.com/DescribeSavingsPlansOfferingRates\\?")
                .contains("rds.postgres.db.t4g.micro.reserved-3y-partial-upfront.single-az:");

        Path spec = dir.resolve("savings-plan.yaml");
        Files.writeString(spec, Files.readString(Path.of("..", "configs", "examples", "savings-plan.yaml"))
                + "prices: prices.yaml\n");
        Run report = bella("cost", "report", "--config", spec.toString(), "--source", "estimate", "--format", "csv");

        assertThat(report.err()).isEmpty();
        assertThat(report.code()).isZero();
        // the hand-checked figures of SavingsPlanExampleTest: 0.015 x 730 committed, 13.72 of on-demand covered
        assertThat(report.out()).contains("compute-savings-plan").contains("10.95").contains("-13.72");
    }

    @Test
    @Timeout(180)
    void aDeniedSavingsPlansCallExits3NamingTheIamActionAndWritesNothing() throws Exception {
        aws.stubFor(post(urlEqualTo("/DescribeSavingsPlansOfferingRates")).atPriority(1).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\":\"User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        + "savingsplans:DescribeSavingsPlansOfferingRates\"}")));
        Path table = dir.resolve("prices.yaml");

        Run refresh = bella("prices", "refresh", "--region", "ca-central-1", "--endpoint-url", aws.baseUrl(),
                "--output", table.toString());

        assertThat(refresh.code()).isEqualTo(3);
        assertThat(refresh.out()).isEmpty();
        assertThat(refresh.err()).startsWith("bella: AWS Savings Plans API refused DescribeSavingsPlansOfferingRates")
                .contains("needs IAM permission savingsplans:DescribeSavingsPlansOfferingRates");
        assertThat(refresh.err().lines()).hasSize(1);
        assertThat(table).doesNotExist();
    }
}
