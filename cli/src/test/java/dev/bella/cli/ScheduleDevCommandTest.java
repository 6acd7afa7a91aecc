package dev.bella.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schedule-dev commands' wiring: exit codes, stdout and stderr; the logic is tested in dev.bella.schedule. */
class ScheduleDevCommandTest {

    static final String SPEC = "../configs/bella.yaml";
    static final String SERVICE = "arn:aws:ecs:ca-central-1:111122223333:service/bella-dev/bella";
    static final String DB = "arn:aws:rds:ca-central-1:111122223333:db:bella-dev";

    @RegisterExtension
    final FakeAwsEndpoint aws = new FakeAwsEndpoint();

    static void json(WireMockServer aws, String target, String body) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)).willReturn(aResponse()
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    /** Stubs shared with LauncherIT: the dev environment's service and database, as AWS answers. */
    static void resources(WireMockServer aws, String env, String... arns) {
        StringBuilder list = new StringBuilder();
        for (String arn : arns) {
            list.append(list.isEmpty() ? "" : ",").append("{\"ResourceARN\":\"").append(arn).append("\",\"Tags\":[")
                    .append("{\"Key\":\"Environment\",\"Value\":\"").append(env).append("\"},")
                    .append("{\"Key\":\"bella:managed\",\"Value\":\"true\"}]}");
        }
        json(aws, "ResourceGroupsTaggingAPI_20170126.GetResources", "{\"ResourceTagMappingList\":[" + list + "]}");
    }

    static void runningService(WireMockServer aws) {
        json(aws, "AmazonEC2ContainerServiceV20141113.DescribeServices", "{\"services\":[{\"serviceName\":\"bella\","
                + "\"desiredCount\":1,\"runningCount\":1,\"status\":\"ACTIVE\"}],\"failures\":[]}");
        json(aws, "AnyScaleFrontendService.DescribeScalableTargets", "{\"ScalableTargets\":[]}");
    }

    static void db(WireMockServer aws, String status) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances&")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/"
                        + "doc/2014-10-31/\"><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>bella-dev"
                        + "</DBInstanceIdentifier><DBInstanceStatus>" + status + "</DBInstanceStatus></DBInstance></DBInstances>"
                        + "</DescribeDBInstancesResult></DescribeDBInstancesResponse>")));
    }

    private CliRun cli(String... args) {
        String[] base = {"cost", "schedule-dev"};
        String[] tail = {"--config", SPEC, "--env", "dev", "--endpoint-url", aws.baseUrl()};
        String[] all = new String[base.length + args.length + tail.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        System.arraycopy(tail, 0, all, base.length + args.length, tail.length);
        return CliRun.of(all);
    }

    @Test
    void stop_dry_run_plans_and_exits_0() throws IOException {
        resources(aws, "dev", SERVICE);
        runningService(aws);

        CliRun run = cli("stop", "--dry-run", "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.path("dry-run").asBoolean()).isTrue();
        assertThat(r.at("/resources/0/outcome").asText()).isEqualTo("planned");
        assertThat(r.at("/resources/0/desired").asText()).isEqualTo("stopped");
        assertThat(r.at("/resources/0/reason").asText()).isEqualTo("manual");
        assertThat(r.at("/resources/0/action").asText()).isEqualTo("saved desired 1 in tags; desired 0");
    }

    @Test
    void a_db_still_stopping_exits_75_so_cron_retries_and_tells_it_from_an_aws_error() {
        resources(aws, "dev", DB);
        db(aws, "stopping");

        CliRun run = cli("stop");

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("rds-instance/bella-dev").contains("pending").contains("1 resource(s): retry");
    }

    @Test
    void a_named_resource_of_another_environment_exits_1() {
        resources(aws, "prod", SERVICE);

        CliRun run = cli("start", "--resource", SERVICE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("refused").contains("other-environment")
                .contains("tagged Environment=prod: production is never scheduled");
    }

    @Test
    void status_shows_desired_actual_and_the_monthly_saving() throws IOException {
        resources(aws, "dev", SERVICE, DB);
        runningService(aws);
        db(aws, "stopped");

        CliRun run = cli("status", "--format", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.path("monthly-saving-usd").decimalValue()).isPositive();
        // net of the scheduler's runs: 4,380 a month x 60 s billed at 0.25 vCPU / 0.5 GB arm64 ($0.65 + $0.14) and
        // 20 s of a public IPv4 each ($0.12), from the bundled spec and ca-central-1 table (docs/schedule-dev.md)
        assertThat(r.path("scheduler-monthly-cost-usd").decimalValue()).isEqualByComparingTo("0.91");
        assertThat(r.path("monthly-saving-gross-usd").decimalValue().subtract(r.path("scheduler-monthly-cost-usd")
                .decimalValue())).isEqualByComparingTo(r.path("monthly-saving-usd").decimalValue());
        assertThat(r.at("/resources/0/actual").asText()).isEqualTo("running (desired 1)");
        assertThat(r.at("/resources/1/actual").asText()).isEqualTo("stopped");
        assertThat(r.at("/resources/1/next-transition").asText()).isNotEmpty();
    }

    @Test
    void an_aws_error_in_discovery_is_exit_3_in_one_line() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}")));

        CliRun run = cli("run");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: AWS error: access denied: needs IAM permission tag:GetResources")
                .doesNotContain("\tat ");
    }

    @Test
    void until_in_the_past_or_unreadable_is_a_usage_error() {
        CliRun past = cli("stop", "--until", "2020-01-01T00:00Z");
        assertThat(past.exitCode()).isEqualTo(2);
        assertThat(past.err()).isEqualTo("bella: --until 2020-01-01T00:00Z is in the past; give a later time\n");
        CliRun bad = cli("start", "--until", "tonight");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("bella: --until: 'tonight' is not a time with a zone offset");
        CliRun parallel = cli("run", "--parallelism", "0");
        assertThat(parallel.exitCode()).isEqualTo(2);
        assertThat(parallel.err()).isEqualTo("bella: --parallelism: expected 1 to 64, found 0\n");
    }

    @Test
    void plan_at_an_instant_reads_aws_and_writes_nothing() {
        resources(aws, "dev", SERVICE, DB);
        runningService(aws);
        db(aws, "available");

        CliRun run = cli("plan", "--at", "2026-11-28T15:00Z");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("schedule-dev dev at 2026-11-28T15:00:00Z (dry run: nothing changed)")
                .contains("stopped (weekend)").contains("planned").contains("2 resource(s): converged");
        aws.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", com.github.tomakehurst.wiremock.client.WireMock.matching(".*(UpdateService|TagResource)")));
        aws.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=StopDBInstance")));
    }

    @Test
    void status_exits_1_when_a_resource_cannot_be_read() {
        resources(aws, "dev", DB);
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances&")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "text/xml").withBody("<ErrorResponse><Error><Type>Sender</Type>"
                        + "<Code>DBInstanceNotFound</Code><Message>DBInstance bella-dev not found.</Message></Error>"
                        + "<RequestId>1</RequestId></ErrorResponse>")));

        CliRun run = cli("status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("rds-instance/bella-dev").contains("DBInstanceNotFound: DBInstance bella-dev not found.");
    }
}
