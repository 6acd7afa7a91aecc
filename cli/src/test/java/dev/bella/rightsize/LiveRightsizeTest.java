package dev.bella.rightsize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The live path against WireMock with the wire shapes SDK 2.40.2 uses: ECS and Compute Optimizer are JSON
 * (1.1 and 1.0, X-Amz-Target), RDS, ElastiCache and CloudWatch are the query protocol (form-encoded POST,
 * XML answers).
 */
class LiveRightsizeTest {

    static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    static final String ARN = "arn:aws:ecs:ca-central-1:123456789012:service/bella-prod/bella-prod";
    static final int POINTS = 576; // two days at the 300 s period a 20-day lookback uses

    WireMockServer aws;
    AwsClients clients;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        clients = new AwsClients(AwsSettings.of(null, "ca-central-1", URI.create(aws.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    void stubEcs(String cpu, String memory) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeServices"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                        {"services": [{"serviceArn": "%s", "serviceName": "bella-prod",
                          "clusterArn": "arn:aws:ecs:ca-central-1:123456789012:cluster/bella-prod", "status": "ACTIVE",
                          "desiredCount": 1, "runningCount": 1, "launchType": "FARGATE",
                          "taskDefinition": "arn:aws:ecs:ca-central-1:123456789012:task-definition/bella:7"}],
                         "failures": []}""".formatted(ARN))));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                        {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:ca-central-1:123456789012:task-definition/bella:7",
                          "family": "bella", "revision": 7, "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                          "cpu": "%s", "memory": "%s", "containerDefinitions": [{"name": "app", "image": "bella:1"}]}}
                        """.formatted(cpu, memory))));
    }

    void stubRdsAndCache() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBInstancesResult>
                            <DBInstances>
                              <DBInstance>
                                <DBInstanceIdentifier>bella-prod</DBInstanceIdentifier>
                                <DBInstanceClass>db.t3.micro</DBInstanceClass>
                                <Engine>postgres</Engine>
                                <DBInstanceStatus>available</DBInstanceStatus>
                                <MultiAZ>false</MultiAZ>
                              </DBInstance>
                            </DBInstances>
                          </DescribeDBInstancesResult>
                          <ResponseMetadata><RequestId>5e7b1f7c-0000-4000-8000-000000000001</RequestId></ResponseMetadata>
                        </DescribeDBInstancesResponse>""")));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeCacheClusters"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeCacheClustersResponse xmlns="http://elasticache.amazonaws.com/doc/2015-02-02/">
                          <DescribeCacheClustersResult>
                            <CacheClusters>
                              <CacheCluster>
                                <CacheClusterId>bella-prod</CacheClusterId>
                                <CacheNodeType>cache.t3.micro</CacheNodeType>
                                <Engine>redis</Engine>
                                <CacheClusterStatus>available</CacheClusterStatus>
                                <NumCacheNodes>1</NumCacheNodes>
                              </CacheCluster>
                            </CacheClusters>
                          </DescribeCacheClustersResult>
                          <ResponseMetadata><RequestId>5e7b1f7c-0000-4000-8000-000000000002</RequestId></ResponseMetadata>
                        </DescribeCacheClustersResponse>""")));
    }

    /** The value of metric {@code m} at point {@code i}: the seed's case for the service, a quiet database and cache. */
    static double value(Metric m, int i) {
        return switch (m) {
            // 576 values: 573 at 20, then 30, 30, 45; p99.5 is the ceil(0.995 * 576) = 574th smallest = 30
            case SERVICE_CPU -> i == 100 || i == 300 ? 30 : i == 200 ? 45 : 20;
            case SERVICE_MEMORY -> i == 400 ? 35 : 28;
            case DATABASE_CPU -> 5;
            case DATABASE_FREEABLE_MEMORY -> 600.0 * (1 << 20);
            case DATABASE_CONNECTIONS -> 8;
            case CACHE_MEMORY -> 15;
            case CACHE_CPU, CACHE_ENGINE_CPU -> 2;
            default -> 0;
        };
    }

    static String page(int from, int to, String nextToken) {
        StringBuilder xml = new StringBuilder("""
                <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                  <GetMetricDataResult>
                    <MetricDataResults>
                """);
        for (Metric m : Metric.values()) {
            xml.append("<member><Id>m").append(m.ordinal()).append("</Id><Label>").append(m.name)
                    .append("</Label><StatusCode>").append(nextToken == null ? "Complete" : "PartialData").append("</StatusCode><Timestamps>");
            for (int i = from; i < to; i++) {
                xml.append("<member>").append(NOW.minus(Duration.ofMinutes(5L * (POINTS - i)))).append("</member>");
            }
            xml.append("</Timestamps><Values>");
            for (int i = from; i < to; i++) {
                xml.append("<member>").append(value(m, i)).append("</member>");
            }
            xml.append("</Values></member>\n");
        }
        xml.append("</MetricDataResults>");
        if (nextToken != null) {
            xml.append("<NextToken>").append(nextToken).append("</NextToken>");
        }
        xml.append("<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>5e7b1f7c-0000-4000-8000-000000000003</RequestId>"
                + "</ResponseMetadata></GetMetricDataResponse>");
        return xml.toString();
    }

    void stubMetricsInTwoPages() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(page(0, 300, "page-2-token"))));
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData"))
                .withRequestBody(containing("NextToken=page-2-token"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(page(300, POINTS, null))));
    }

    static Spec baseline() {
        return new SpecLoader().load(Path.of("../configs/examples/baseline.yaml"));
    }

    static RightsizeOptions twentyDays() {
        return new RightsizeOptions(BigDecimal.valueOf(20), Duration.ofDays(20), false);
    }

    RightsizeReport live() {
        Spec spec = baseline();
        return new RightsizeService(Clock.fixed(NOW, ZoneOffset.UTC)).live(spec, spec.environment("prod").orElseThrow(),
                LiveTargets.defaults("bella", "prod", true), clients, twentyDays(), Progress.NONE);
    }

    @Test
    void theSeedsCaseFromCloudWatchAndTheDescribeApis() {
        stubEcs("1024", "2048");
        stubRdsAndCache();
        stubMetricsInTwoPages();
        RightsizeReport report = live();
        Recommendation svc = report.recommendations().getFirst();
        assertThat(svc.resource()).isEqualTo("bella-prod/bella-prod");
        assertThat(svc.current()).isEqualTo("1024 CPU / 2048 MiB");
        assertThat(svc.recommended()).contains("512 CPU / 1024 MiB");
        assertThat(svc.monthlySavings()).isEqualByComparingTo("19.8341");
        assertThat(report.recommendations().get(1).current()).isEqualTo("db.t3.micro");
        assertThat(report.recommendations().get(1).finding()).isEqualTo(Finding.OPTIMIZED);
        assertThat(report.recommendations().get(2).finding()).isEqualTo(Finding.OPTIMIZED);
        assertThat(report.source()).isEqualTo("CloudWatch ca-central-1, period 300 s");

        // the wire: JSON 1.1 for ECS, form-encoded query for RDS, ElastiCache and CloudWatch
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("Content-Type", containing("application/x-amz-json-1.1"))
                .withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeServices"))
                .withRequestBody(equalTo("{\"cluster\":\"bella-prod\",\"services\":[\"bella-prod\"]}")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("Action=DescribeDBInstances")).withRequestBody(containing("Version=2014-10-31"))
                .withRequestBody(containing("DBInstanceIdentifier=bella-prod")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeCacheClusters"))
                .withRequestBody(containing("CacheClusterId=bella-prod")));
        // both pages, one request's worth of queries (12), with the lookback aligned to the 300 s period
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Version=2010-08-01"))
                .withRequestBody(containing("StartTime=2026-11-07T00%3A00%3A00Z"))
                .withRequestBody(containing("EndTime=2026-11-27T00%3A00%3A00Z"))
                .withRequestBody(containing("MetricDataQueries.member.1.Id=m0"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FECS"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Metric.MetricName=CPUUtilization"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Period=300"))
                .withRequestBody(containing("MetricDataQueries.member.1.MetricStat.Stat=Average"))
                .withRequestBody(containing("MetricDataQueries.member.12.Id=m11"))
                .withRequestBody(notContaining("MetricDataQueries.member.13.")));
    }

    @Test
    void whatRunsWinsOverTheSpecAndTheDifferenceIsNoted() {
        stubEcs("2048", "4096");
        stubRdsAndCache();
        stubMetricsInTwoPages();
        RightsizeReport report = live();
        assertThat(report.recommendations().getFirst().current()).isEqualTo("2048 CPU / 4096 MiB");
        assertThat(report.notes()).contains("service bella-prod/bella-prod runs 2048 CPU / 4096 MiB but the spec says "
                + "1024 CPU / 2048 MiB: sized from what runs; the diff edits the spec");
    }

    @Test
    void aMissingServiceNamesTheOptionsToFixIt() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.DescribeServices"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                        {"services": [], "failures": [{"arn": "arn:aws:ecs:ca-central-1:123456789012:service/bella-prod/bella-prod",
                          "reason": "MISSING"}]}""")));
        assertThatThrownBy(this::live).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("ECS service 'bella-prod' in cluster 'bella-prod': MISSING; name them with --cluster and --service");
    }

    @Test
    void anRdsFaultIsAnAwsError() {
        stubEcs("1024", "2048");
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml").withBody("""
                        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <Error><Type>Sender</Type><Code>DBInstanceNotFound</Code>
                            <Message>DBInstance bella-prod not found.</Message></Error>
                          <RequestId>5e7b1f7c-0000-4000-8000-000000000004</RequestId>
                        </ErrorResponse>""")));
        assertThatThrownBy(this::live).isInstanceOf(software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException.class)
                .hasMessageStartingWith("DBInstance bella-prod not found.");
    }

    @Test
    void moreThan500QueriesGoInSeveralRequests() {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                        <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
                          <GetMetricDataResult><MetricDataResults/><Messages/></GetMetricDataResult>
                          <ResponseMetadata><RequestId>5e7b1f7c-0000-4000-8000-000000000005</RequestId></ResponseMetadata>
                        </GetMetricDataResponse>""")));
        List<CloudWatchMetrics.Query> queries = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            queries.add(new CloudWatchMetrics.Query(Metric.SERVICE_CPU, new TreeMap<>(Map.of("ClusterName", "c", "ServiceName", "s" + i))));
        }
        List<String> steps = new ArrayList<>();
        Progress recording = new Progress() {
            public void advance(String what, int done, int total) {
                steps.add(done + "/" + total);
            }

            public void finish() {
            }
        };
        try (CloudWatchClient cw = clients.create(CloudWatchClient.builder())) {
            Map<CloudWatchMetrics.Query, Series> loaded = new CloudWatchMetrics(cw, recording).load(queries, NOW, Duration.ofDays(7));
            assertThat(loaded).hasSize(600).allSatisfy((q, s) -> assertThat(s.isEmpty()).isTrue());
        }
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("MetricDataQueries.member.500.Id=m499"))
                .withRequestBody(notContaining("MetricDataQueries.member.501.")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("MetricDataQueries.member.100.Id=m99"))
                .withRequestBody(notContaining("MetricDataQueries.member.101.")).withRequestBody(containing("ServiceName")));
        assertThat(steps).containsExactly("0/2", "1/2", "2/2");
    }

    @Test
    void thePeriodFollowsCloudWatchRetention() {
        assertThat(CloudWatchMetrics.periodFor(Duration.ofDays(1))).isEqualTo(Duration.ofSeconds(60));
        assertThat(CloudWatchMetrics.periodFor(Duration.ofDays(15))).isEqualTo(Duration.ofSeconds(60));
        assertThat(CloudWatchMetrics.periodFor(Duration.ofDays(16))).isEqualTo(Duration.ofSeconds(300));
        assertThat(CloudWatchMetrics.periodFor(Duration.ofDays(63))).isEqualTo(Duration.ofSeconds(300));
        assertThat(CloudWatchMetrics.periodFor(Duration.ofDays(64))).isEqualTo(Duration.ofSeconds(3600));
        assertThat(CloudWatchMetrics.periodFor(Duration.ofDays(93))).isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void computeOptimizerIsShownBeside() {
        stubEcs("1024", "2048");
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("ComputeOptimizerService.GetECSServiceRecommendations"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody("""
                        {"ecsServiceRecommendations": [{"serviceArn": "%s", "accountId": "123456789012",
                          "currentServiceConfiguration": {"memory": 2048, "cpu": 1024,
                            "taskDefinitionArn": "arn:aws:ecs:ca-central-1:123456789012:task-definition/bella:7"},
                          "lookbackPeriodInDays": 14.0, "launchType": "Fargate", "finding": "Overprovisioned",
                          "findingReasonCodes": ["CPUOverprovisioned", "MemoryOverprovisioned"],
                          "serviceRecommendationOptions": [{"memory": 1024, "cpu": 512,
                            "savingsOpportunity": {"savingsOpportunityPercentage": 50.0,
                              "estimatedMonthlySavings": {"currency": "USD", "value": 19.71}}}],
                          "currentPerformanceRisk": "VeryLow"}],
                         "errors": []}""".formatted(ARN))));
        RightsizeReport base = new RightsizeReport("prod", "spec", "test", Duration.ofDays(14), BigDecimal.TEN, "USD", List.of(), List.of());
        RightsizeReport report = new RightsizeService(Clock.fixed(NOW, ZoneOffset.UTC))
                .compareWithComputeOptimizer(base, LiveTargets.defaults("bella", "prod", false), clients);
        ComputeOptimizerComparison.Comparison c = report.computeOptimizer().orElseThrow();
        assertThat(c.finding()).contains("Overprovisioned");
        assertThat(c.recommended()).contains("512 CPU / 1024 MiB");
        assertThat(c.monthlySavings()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("19.71"));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("Content-Type", containing("application/x-amz-json-1.0"))
                .withRequestBody(equalTo("{\"serviceArns\":[\"" + ARN + "\"]}")));
        assertThat(RightsizeRenderer.table(report)).contains("AWS Compute Optimizer (service): Overprovisioned, 512 CPU / 1024 MiB, saves 19.71 USD/month");
    }

    @Test
    void computeOptimizerNotOptedInIsSaidNotFatal() {
        stubEcs("1024", "2048");
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("ComputeOptimizerService.GetECSServiceRecommendations"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"OptInRequiredException\",\"message\":\"The account is not opted in.\"}")));
        RightsizeReport base = new RightsizeReport("prod", "spec", "test", Duration.ofDays(14), BigDecimal.TEN, "USD", List.of(), List.of());
        RightsizeReport report = new RightsizeService(Clock.fixed(NOW, ZoneOffset.UTC))
                .compareWithComputeOptimizer(base, LiveTargets.defaults("bella", "prod", false), clients);
        assertThat(report.computeOptimizer().orElseThrow().unavailable()).hasValueSatisfying(u -> assertThat(u).contains("not opted in"));
    }

    @Test
    void aClassThePriceTableLacksIsAConfigErrorNamingIt() {
        stubEcs("1024", "2048");
        stubRdsAndCache();
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody("""
                        <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
                          <DescribeDBInstancesResult><DBInstances><DBInstance>
                            <DBInstanceIdentifier>bella-prod</DBInstanceIdentifier><DBInstanceClass>db.r5.large</DBInstanceClass>
                          </DBInstance></DBInstances></DescribeDBInstancesResult>
                          <ResponseMetadata><RequestId>5e7b1f7c-0000-4000-8000-000000000006</RequestId></ResponseMetadata>
                        </DescribeDBInstancesResponse>""")));
        stubMetricsInTwoPages();
        assertThatThrownBy(this::live).isInstanceOf(dev.bella.prices.MissingPriceException.class)
                .hasMessageContaining("has no price for 'db.r5.large (on-demand, database)'");
    }
}
