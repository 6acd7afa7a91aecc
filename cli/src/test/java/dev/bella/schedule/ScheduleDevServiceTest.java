package dev.bella.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bella.schedule.FakeAws.AAS;
import static dev.bella.schedule.FakeAws.CACHE_ARN;
import static dev.bella.schedule.FakeAws.DB_ARN;
import static dev.bella.schedule.FakeAws.ECS;
import static dev.bella.schedule.FakeAws.PROD_SERVICE_ARN;
import static dev.bella.schedule.FakeAws.SERVICE_ARN;
import static dev.bella.schedule.FakeAws.TAGGING;
import static dev.bella.schedule.FakeAws.action;
import static dev.bella.schedule.FakeAws.json;
import static dev.bella.schedule.FakeAws.mapping;
import static dev.bella.schedule.FakeAws.target;
import static dev.bella.schedule.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.estimate.ScheduleSaving;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconciler against WireMock speaking the SDK's real protocols, with a fixed clock. */
class ScheduleDevServiceTest extends DevEnvironmentOnWireMock {

    private RunReport run(Instant now, boolean dryRun) {
        return new ScheduleDevService(ports, env, Clock.fixed(now, ZoneOffset.UTC), 4)
                .reconcile(ScheduleDevService.Intent.SCHEDULE, now, Optional.empty(), dryRun, List.of());
    }

    /** DescribeServices and DescribeScalableTargets answer for svc-0 .. svc-11 of bella-dev: stopped, scaling suspended. */
    private void twelveStoppedServices() {
        StringBuilder services = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            services.append(i == 0 ? "" : ",").append("{\"serviceName\":\"svc-").append(i)
                    .append("\",\"status\":\"ACTIVE\",\"desiredCount\":0,\"runningCount\":0}");
            targets.append(i == 0 ? "" : ",").append("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/svc-")
                    .append(i).append("\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":0,")
                    .append("\"MaxCapacity\":3,\"SuspendedState\":{\"DynamicScalingOutSuspended\":true,")
                    .append("\"ScheduledScalingSuspended\":true}}");
        }
        server.stubFor(FakeAws.target(ECS + "DescribeServices").willReturn(json("{\"services\":[" + services + "],\"failures\":[]}")));
        server.stubFor(FakeAws.target(AAS + "DescribeScalableTargets").willReturn(json("{\"ScalableTargets\":[" + targets + "]}")));
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        var m = new java.util.LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void a_missed_stop_is_caught_up_saving_the_counts_before_desired_count_0() {
        aws.resources(mapping(SERVICE_ARN, DEV));
        aws.ecsService(2, 1, 3, false);

        RunReport report = run(SATURDAY, false);

        assertThat(report.status()).isEqualTo(RunReport.Status.CONVERGED);
        ResourceResult r = report.results().getFirst();
        assertThat(r.resource()).isEqualTo("ecs-service/bella-dev/bella");
        assertThat(r.desired()).contains(DesiredState.STOPPED);
        assertThat(r.reason()).isEqualTo("weekend");
        assertThat(r.before()).isEqualTo("desired 2, min 1, max 3");
        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        // the order is the safety: tags saved, scaling can no longer start tasks, then desired 0
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets",
                "TagResource", "RegisterScalableTarget", "UpdateService");
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TAGGING + "GetResources"))
                .withRequestBody(equalToJson("{\"TagFilters\":[{\"Key\":\"Environment\",\"Values\":[\"dev\"]},"
                        + "{\"Key\":\"bella:managed\",\"Values\":[\"true\"]}],\"ResourceTypeFilters\":[\"ecs:service\",\"rds:db\","
                        + "\"rds:cluster\",\"elasticache:cluster\",\"elasticache:snapshot\"],\"ResourcesPerPage\":100}")));
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "TagResource"))
                .withRequestBody(equalToJson("{\"resourceArn\":\"" + SERVICE_ARN + "\",\"tags\":["
                        + "{\"key\":\"bella:prev-desired\",\"value\":\"2\"},{\"key\":\"bella:prev-min\",\"value\":\"1\"},"
                        + "{\"key\":\"bella:prev-max\",\"value\":\"3\"},{\"key\":\"bella:prev-suspended\",\"value\":\"none\"},"
                        + "{\"key\":\"bella:state-since\",\"value\":\"2026-11-28T15:00:00Z\"}]}")));
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AAS + "RegisterScalableTarget"))
                .withRequestBody(equalToJson("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/bella\","
                        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":0,\"MaxCapacity\":3,"
                        + "\"SuspendedState\":{\"DynamicScalingInSuspended\":false,\"DynamicScalingOutSuspended\":true,"
                        + "\"ScheduledScalingSuspended\":true}}")));
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .withRequestBody(equalToJson("{\"cluster\":\"bella-dev\",\"service\":\"bella\",\"desiredCount\":0}")));
    }

    @Test
    void a_second_run_on_a_stopped_service_writes_nothing_and_keeps_the_saved_values() {
        aws.resources(mapping(SERVICE_ARN, with(DEV, "bella:prev-desired", "2", "bella:prev-min", "1", "bella:prev-max", "3")));
        aws.ecsService(0, 0, 3, true);

        RunReport report = run(SATURDAY, false);

        assertThat(report.results().getFirst().outcome()).isEqualTo(ResourceResult.Outcome.CONVERGED);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets");
    }

    @Test
    void a_service_stopped_by_hand_is_not_given_prev_desired_0() {
        // desired already 0 but scaling still active (someone scaled to 0 in the console): finish the stop,
        // but do not record 0 as the count to restore
        aws.resources(mapping(SERVICE_ARN, DEV));
        aws.ecsService(0, 1, 3, false);

        run(SATURDAY, false);

        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets",
                "RegisterScalableTarget");
    }

    @Test
    void start_restores_exactly_the_saved_values_then_removes_them() {
        aws.resources(mapping(SERVICE_ARN, with(DEV, "bella:prev-desired", "2", "bella:prev-min", "1", "bella:prev-max", "4",
                "bella:prev-suspended", "none")));
        aws.ecsService(0, 0, 4, true);

        RunReport report = run(MONDAY, false);

        ResourceResult r = report.results().getFirst();
        assertThat(r.desired()).contains(DesiredState.RUNNING);
        assertThat(r.reason()).isEqualTo("window");
        assertThat(r.detail()).isEqualTo("started");
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets",
                "UpdateService", "RegisterScalableTarget", "TagResource", "UntagResource");
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .withRequestBody(equalToJson("{\"cluster\":\"bella-dev\",\"service\":\"bella\",\"desiredCount\":2}")));
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AAS + "RegisterScalableTarget"))
                .withRequestBody(equalToJson("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/bella\","
                        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":1,\"MaxCapacity\":4,"
                        + "\"SuspendedState\":{\"DynamicScalingInSuspended\":false,\"DynamicScalingOutSuspended\":false,"
                        + "\"ScheduledScalingSuspended\":false}}")));
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "UntagResource"))
                .withRequestBody(equalToJson("{\"resourceArn\":\"" + SERVICE_ARN + "\",\"tagKeys\":"
                        + "[\"bella:prev-desired\",\"bella:prev-min\",\"bella:prev-max\",\"bella:prev-suspended\"]}", true,
                        false)));
    }

    @Test
    void a_missing_saved_count_falls_back_to_the_spec_and_is_flagged() {
        aws.resources(mapping(SERVICE_ARN, with(DEV, "bella:prev-min", "1", "bella:prev-max", "1",
                "bella:prev-suspended", "none")));
        aws.ecsService(0, 0, 1, true);

        ResourceResult r = run(MONDAY, false).results().getFirst();

        assertThat(r.detail()).isEqualTo("started; bella:prev-desired missing: spec default 1");
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .withRequestBody(equalToJson("{\"cluster\":\"bella-dev\",\"service\":\"bella\",\"desiredCount\":1}")));
    }

    @Test
    void dry_run_describes_but_writes_nothing() {
        aws.resources(mapping(SERVICE_ARN, DEV), mapping(DB_ARN, DEV));
        aws.ecsService(2, 1, 3, false);
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("available"))));

        RunReport report = run(SATURDAY, true);

        assertThat(report.results()).extracting(ResourceResult::outcome)
                .containsExactly(ResourceResult.Outcome.PLANNED, ResourceResult.Outcome.PLANNED);
        assertThat(report.results().getFirst().action())
                .isEqualTo("saved desired 2 in tags; scaling min 0, scale-out and scheduled scaling suspended; desired 0");
        assertThat(aws.calls()).containsOnly("GetResources", "DescribeServices", "DescribeScalableTargets", "DescribeDBInstances");
    }

    @Test
    void a_prod_tagged_resource_named_explicitly_is_refused_and_gets_no_write_call() {
        server.stubFor(target(TAGGING + "GetResources").willReturn(json("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":["
                + mapping(PROD_SERVICE_ARN, Map.of("Environment", "prod", "bella:managed", "true")) + ","
                + mapping(SERVICE_ARN, Map.of("Environment", "staging")) + "]}")));
        aws.ecsService(2, 1, 3, false);

        RunReport report = new ScheduleDevService(ports, env, Clock.fixed(SATURDAY, ZoneOffset.UTC), 4)
                .reconcile(ScheduleDevService.Intent.STOP, SATURDAY, Optional.empty(), false,
                        List.of(PROD_SERVICE_ARN, SERVICE_ARN));

        assertThat(report.status()).isEqualTo(RunReport.Status.FAILED);
        assertThat(report.results()).extracting(ResourceResult::outcome)
                .containsExactly(ResourceResult.Outcome.REFUSED, ResourceResult.Outcome.REFUSED);
        assertThat(report.results()).extracting(ResourceResult::detail).containsExactly(
                "tagged Environment=prod: production is never scheduled", "tagged Environment=staging, not dev");
        assertThat(aws.calls()).containsExactly("GetResources");
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TAGGING + "GetResources"))
                .withRequestBody(equalToJson("{\"ResourceARNList\":[\"" + PROD_SERVICE_ARN + "\",\"" + SERVICE_ARN + "\"]}")));
        server.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", matching("AmazonEC2ContainerService.*")));
        server.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", matching("AnyScaleFrontendService.*")));
    }

    @Test
    void discovery_follows_pagination_tokens() {
        server.stubFor(target(TAGGING + "GetResources").withRequestBody(containing("\"PaginationToken\":\"page-2\""))
                .atPriority(1).willReturn(json("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":["
                        + mapping(DB_ARN, DEV) + "]}")));
        server.stubFor(target(TAGGING + "GetResources").atPriority(5).willReturn(json(
                "{\"PaginationToken\":\"page-2\",\"ResourceTagMappingList\":[" + mapping(SERVICE_ARN, DEV) + "]}")));
        aws.ecsService(0, 0, 3, true);
        twelveStoppedServices();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("stopped"))));

        RunReport report = run(SATURDAY, false);

        assertThat(report.results()).extracting(ResourceResult::resource)
                .containsExactly("ecs-service/bella-dev/bella", "rds-instance/bella-dev");
        assertThat(aws.events("GetResources")).hasSize(2);
    }

    @Test
    void rds_goes_running_to_stopping_to_stopped_over_three_runs() {
        aws.resources(mapping(DB_ARN, DEV));
        aws.rdsWrites();
        server.stubFor(action("DescribeDBInstances").inScenario("db").whenScenarioStateIs(STARTED)
                .willReturn(xml(FakeAws.dbInstances("available"))));
        server.stubFor(action("StopDBInstance").inScenario("db").whenScenarioStateIs(STARTED)
                .willSetStateTo("stopping").willReturn(xml(FakeAws.rdsOk("StopDBInstance", ""))));
        server.stubFor(action("DescribeDBInstances").inScenario("db").whenScenarioStateIs("stopping")
                .willReturn(xml(FakeAws.dbInstances("stopping"))));
        server.stubFor(action("DescribeDBInstances").inScenario("db").whenScenarioStateIs("stopped")
                .willReturn(xml(FakeAws.dbInstances("stopped"))));

        RunReport first = run(SATURDAY, false);
        assertThat(first.results().getFirst().outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeDBInstances", "AddTagsToResource", "StopDBInstance");
        String tags = aws.events("AddTagsToResource").getFirst().getRequest().getBodyAsString();
        assertThat(tags).contains("Version=2014-10-31").contains("ResourceName=" + java.net.URLEncoder.encode(DB_ARN,
                java.nio.charset.StandardCharsets.UTF_8)).contains("Tags.Tag.1.Key=bella%3Astopped-by")
                .contains("Tags.Tag.1.Value=schedule");
        server.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=StopDBInstance&"))
                .withRequestBody(containing("DBInstanceIdentifier=bella-dev")));

        server.resetRequests();
        RunReport second = run(SATURDAY.plusSeconds(600), false);
        assertThat(second.results().getFirst().outcome()).isEqualTo(ResourceResult.Outcome.PENDING);
        assertThat(second.status()).isEqualTo(RunReport.Status.RETRY);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeDBInstances");

        server.setScenarioState("db", "stopped");
        server.resetRequests();
        RunReport third = run(SATURDAY.plusSeconds(1200), false);
        assertThat(third.results().getFirst().outcome()).isEqualTo(ResourceResult.Outcome.CONVERGED);
        assertThat(third.status()).isEqualTo(RunReport.Status.CONVERGED);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeDBInstances");
    }

    @Test
    void a_db_aws_started_after_7_days_is_stopped_again_and_reported() {
        // bella stopped it 7 days and an hour ago: only AWS starts a DB it did not start itself after that long
        aws.resources(mapping(DB_ARN, with(DEV, "bella:stopped-by", "schedule", "bella:state-since",
                SATURDAY.minus(java.time.Duration.ofDays(7).plusHours(1)).toString())));
        aws.rdsWrites();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("available"))));

        ResourceResult r = run(SATURDAY, false).results().getFirst();

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.RESTOPPED_AFTER_AUTO_START);
        assertThat(r.detail()).isEqualTo("available again while scheduled off: AWS's automatic start after 7 days "
                + "stopped; stopped again");
        assertThat(r.outcome().key()).isEqualTo("restopped-after-auto-start");
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeDBInstances", "AddTagsToResource", "StopDBInstance");
    }

    @Test
    void a_db_is_started_in_the_window_and_its_stopped_by_tag_removed() {
        aws.resources(mapping(DB_ARN, with(DEV, "bella:stopped-by", "schedule")));
        aws.rdsWrites();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("stopped"))));

        ResourceResult r = run(MONDAY, false).results().getFirst();

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeDBInstances", "StartDBInstance",
                "AddTagsToResource", "RemoveTagsFromResource");
        assertThat(aws.events("RemoveTagsFromResource").getFirst().getRequest().getBodyAsString())
                .contains("TagKeys.member.1=bella%3Astopped-by");
    }

    @Test
    void throttling_is_retried_by_the_sdk_then_succeeds() {
        aws.resources(mapping(SERVICE_ARN, DEV));
        aws.ecsService(2, 1, 3, false);
        server.stubFor(target(ECS + "DescribeServices").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
        server.stubFor(target(ECS + "DescribeServices").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json(FakeAws.service(2))));

        RunReport report = run(SATURDAY, false);

        assertThat(report.status()).isEqualTo(RunReport.Status.CONVERGED);
        assertThat(aws.events("DescribeServices")).hasSize(2);
        assertThat(aws.events("UpdateService")).hasSize(1);
    }

    @Test
    void an_error_on_one_resource_is_reported_and_the_others_go_on() {
        aws.resources(mapping(DB_ARN, DEV), mapping(SERVICE_ARN, DEV));
        aws.ecsService(2, 1, 3, false);
        server.stubFor(action("DescribeDBInstances").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml")
                .withBody(FakeAws.error("DBInstanceNotFound", "DBInstance bella-dev not found."))));

        RunReport report = run(SATURDAY, false);

        assertThat(report.status()).isEqualTo(RunReport.Status.FAILED);
        ResourceResult db = report.results().getFirst();
        assertThat(db.outcome()).isEqualTo(ResourceResult.Outcome.FAILED);
        assertThat(db.errorCode()).contains("DBInstanceNotFound");
        assertThat(db.detail()).isEqualTo("DBInstance bella-dev not found.");
        assertThat(report.results().get(1).outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        assertThat(report.table()).contains("rds-instance/bella-dev").contains("DBInstanceNotFound")
                .contains("2 resource(s): failed");
    }

    @Test
    void a_cache_is_kept_and_reported_with_its_node_type() {
        aws.resources(mapping(CACHE_ARN, DEV));
        server.stubFor(action("DescribeCacheClusters").willReturn(xml(
                "<DescribeCacheClustersResponse xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\">"
                        + "<DescribeCacheClustersResult><CacheClusters><CacheCluster><CacheClusterId>bella-dev</CacheClusterId>"
                        + "<CacheNodeType>cache.t4g.micro</CacheNodeType><Engine>redis</Engine>"
                        + "<CacheClusterStatus>available</CacheClusterStatus><NumCacheNodes>1</NumCacheNodes></CacheCluster>"
                        + "</CacheClusters></DescribeCacheClustersResult><ResponseMetadata><RequestId>1</RequestId>"
                        + "</ResponseMetadata></DescribeCacheClustersResponse>")));

        RunReport report = run(SATURDAY, false);

        ResourceResult r = report.results().getFirst();
        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.KEPT);
        assertThat(r.detail()).contains("cache.t4g.micro");
        assertThat(report.status()).isEqualTo(RunReport.Status.CONVERGED);
        assertThat(aws.events("DescribeCacheClusters").getFirst().getRequest().getBodyAsString())
                .contains("Version=2015-02-02").contains("CacheClusterId=bella-dev");
    }

    @Test
    void stop_until_stores_the_hold_as_an_override_tag_that_later_runs_obey() {
        aws.resources(mapping(SERVICE_ARN, DEV));
        aws.ecsService(2, 1, 3, false);
        StateOverride hold = new StateOverride(DesiredState.STOPPED, Instant.parse("2026-12-01T12:00:00Z"));

        new ScheduleDevService(ports, env, Clock.fixed(MONDAY, ZoneOffset.UTC), 4)
                .reconcile(ScheduleDevService.Intent.STOP, MONDAY, Optional.of(hold), false, List.of());

        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "TagResource"))
                .withRequestBody(containing("{\"key\":\"bella:override\",\"value\":\"stopped-until:2026-12-01T12:00:00Z\"}")));

        // the next run, in the window, finds the tag and keeps the service stopped
        server.resetAll();
        aws.resources(mapping(SERVICE_ARN, with(DEV, "bella:override", hold.tagValue(), "bella:prev-desired", "2")));
        aws.ecsService(0, 0, 3, true);
        ResourceResult r = run(MONDAY.plusSeconds(900), false).results().getFirst();
        assertThat(r.desired()).contains(DesiredState.STOPPED);
        assertThat(r.reason()).isEqualTo("override");
        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.CONVERGED);
    }

    @Test
    void a_bad_override_tag_fails_that_resource_only() {
        aws.resources(mapping(SERVICE_ARN, with(DEV, "bella:override", "forever")));
        aws.ecsService(2, 1, 3, false);

        ResourceResult r = run(SATURDAY, false).results().getFirst();

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.FAILED);
        assertThat(r.errorCode()).contains("bad-tag");
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets");
    }

    @Test
    void a_quiet_run_reads_the_state_in_batches_and_writes_nothing() {
        String[] mappings = new String[14];
        for (int i = 0; i < 12; i++) {
            mappings[i] = mapping(SERVICE_ARN.replace("/bella-dev/bella", "/bella-dev/svc-" + i), with(DEV, "bella:prev-desired", "1"));
        }
        mappings[12] = mapping(DB_ARN, DEV);
        mappings[13] = mapping(DB_ARN.replace("bella-dev", "reports-dev"), DEV);
        aws.resources(mappings);
        aws.ecsService(0, 0, 3, true);
        twelveStoppedServices();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("stopped")
                .replace("</DBInstances>", "<DBInstance><DBInstanceIdentifier>reports-dev</DBInstanceIdentifier>"
                        + "<DBInstanceStatus>stopped</DBInstanceStatus></DBInstance></DBInstances>"))));

        RunReport report = run(SATURDAY, false);

        // every service answers desired 0 in this fake, so all are converged
        assertThat(report.status()).isEqualTo(RunReport.Status.CONVERGED);
        assertThat(report.results()).extracting(ResourceResult::outcome).containsOnly(ResourceResult.Outcome.CONVERGED);
        // 12 services of one cluster: 2 DescribeServices (10 + 2), 1 DescribeScalableTargets, 1 DescribeDBInstances
        assertThat(aws.events("DescribeServices")).hasSize(2);
        assertThat(aws.events("DescribeScalableTargets")).hasSize(1);
        assertThat(aws.events("DescribeDBInstances")).hasSize(1);
        assertThat(aws.calls()).hasSize(5);
        assertThat(aws.events("DescribeDBInstances").getFirst().getRequest().getBodyAsString())
                .contains("Filters.Filter.1.Name=db-instance-id").contains("Filters.Filter.1.Values.Value.1=bella-dev")
                .contains("Filters.Filter.1.Values.Value.2=reports-dev");
    }

    @Test
    void an_aurora_cluster_is_stopped_as_a_whole_and_its_member_instances_are_left_to_it() {
        aws.resources(mapping(FakeAws.CLUSTER_ARN, DEV), mapping(DB_ARN, DEV));
        aws.rdsWrites();
        server.stubFor(action("DescribeDBClusters").willReturn(xml("<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/"
                + "doc/2014-10-31/\"><DescribeDBClustersResult><DBClusters><DBCluster><DBClusterIdentifier>bella-aurora-dev"
                + "</DBClusterIdentifier><Engine>aurora-postgresql</Engine><Status>available</Status></DBCluster></DBClusters>"
                + "</DescribeDBClustersResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
                + "</DescribeDBClustersResponse>")));
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("available")
                .replace("<DBInstanceStatus>", "<DBClusterIdentifier>bella-aurora-dev</DBClusterIdentifier><DBInstanceStatus>"))));
        server.stubFor(action("StopDBCluster").willReturn(xml(FakeAws.rdsOk("StopDBCluster",
                "<DBCluster><DBClusterIdentifier>bella-aurora-dev</DBClusterIdentifier><Status>stopping</Status></DBCluster>"))));

        RunReport report = run(SATURDAY, false);

        assertThat(report.results()).extracting(ResourceResult::resource)
                .containsExactly("rds-cluster/bella-aurora-dev", "rds-instance/bella-dev");
        assertThat(report.results()).extracting(ResourceResult::outcome)
                .containsExactly(ResourceResult.Outcome.CHANGED, ResourceResult.Outcome.CONVERGED);
        assertThat(report.results().get(1).detail()).isEqualTo("member of Aurora cluster bella-aurora-dev: scheduled with the cluster");
        assertThat(aws.events("StopDBCluster").getFirst().getRequest().getBodyAsString())
                .contains("Action=StopDBCluster&Version=2014-10-31&DBClusterIdentifier=bella-aurora-dev");
        assertThat(aws.events("DescribeDBClusters").getFirst().getRequest().getBodyAsString())
                .contains("Filters.Filter.1.Name=db-cluster-id&Filters.Filter.1.Values.Value.1=bella-aurora-dev");
        assertThat(aws.events("StopDBInstance")).isEmpty();
    }

    @Test
    void status_reads_desired_actual_since_and_next_transition() {
        aws.resources(mapping(SERVICE_ARN, with(DEV, "bella:state-since", "2026-11-27T22:00:00Z")),
                mapping(PROD_SERVICE_ARN, Map.of("Environment", "prod")));
        aws.ecsService(0, 0, 3, true);

        StatusReport status = new ScheduleDevService(ports, env, Clock.fixed(SATURDAY, ZoneOffset.UTC), 4)
                .status(Optional.empty(), List.of());

        assertThat(status.schedule().desired()).isEqualTo(DesiredState.STOPPED);
        StatusReport.Line line = status.lines().getFirst();
        assertThat(line.desired()).isEqualTo("stopped");
        assertThat(line.reason()).isEqualTo("weekend");
        assertThat(line.actual()).isEqualTo("stopped (desired 0)");
        assertThat(line.since()).contains("2026-11-27T22:00:00Z");
        assertThat(line.nextTransition()).contains(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(status.lines().get(1).reason()).isEqualTo("refused");
        ScheduleSaving saving = new ScheduleSaving("dev", new BigDecimal("13.285"), new BigDecimal("0.94"),
                new BigDecimal("12.345"));
        assertThat(status.table(Optional.of(saving))).contains("estimated saving of the schedule: $12.35 a month net:"
                + " $13.29 gross minus $0.94 for the scheduler's own runs");
        assertThat(status.json(Optional.of(saving))).contains("\"monthly-saving-usd\" : 12.35",
                "\"monthly-saving-gross-usd\" : 13.29", "\"scheduler-monthly-cost-usd\" : 0.94");
        // status never writes
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets");
    }

    // ---- cache: snapshot-delete ----

    private static final String EC = "xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\"";
    private static final String SNAPSHOT_ARN = "arn:aws:elasticache:ca-central-1:111122223333:snapshot:bella-bella-dev";

    private ScheduledEnvironment snapshotDelete() {
        return ScheduledEnvironment.resolve(SpecLoaderHelper.withCachePolicy("snapshot-delete"), Optional.of("dev"));
    }

    private void cacheCluster(String status) {
        server.stubFor(action("DescribeCacheClusters").willReturn(xml("<DescribeCacheClustersResponse " + EC
                + "><DescribeCacheClustersResult><CacheClusters><CacheCluster><CacheClusterId>bella-dev</CacheClusterId>"
                + "<CacheNodeType>cache.t4g.micro</CacheNodeType><Engine>redis</Engine><EngineVersion>7.1.0</EngineVersion>"
                + "<CacheClusterStatus>" + status + "</CacheClusterStatus><NumCacheNodes>1</NumCacheNodes>"
                + "<CacheNodes><CacheNode><CacheNodeId>0001</CacheNodeId><CacheNodeStatus>available</CacheNodeStatus>"
                + "<Endpoint><Address>bella-dev.x1y2z3.0001.cac1.cache.amazonaws.com</Address><Port>6379</Port></Endpoint>"
                + "</CacheNode></CacheNodes><CacheSubnetGroupName>bella-dev</CacheSubnetGroupName>"
                + "<SecurityGroups><member><SecurityGroupId>sg-0aa</SecurityGroupId><Status>active</Status></member>"
                + "<member><SecurityGroupId>sg-0bb</SecurityGroupId><Status>active</Status></member></SecurityGroups>"
                + "</CacheCluster></CacheClusters></DescribeCacheClustersResult><ResponseMetadata><RequestId>1</RequestId>"
                + "</ResponseMetadata></DescribeCacheClustersResponse>")));
    }

    private void noCacheCluster() {
        server.stubFor(action("DescribeCacheClusters").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse " + EC + "><Error><Type>Sender</Type><Code>CacheClusterNotFound</Code>"
                        + "<Message>CacheCluster not found: bella-dev</Message></Error><RequestId>2</RequestId></ErrorResponse>")));
    }

    private void snapshot(String status) {
        server.stubFor(action("DescribeSnapshots").willReturn(xml("<DescribeSnapshotsResponse " + EC + "><DescribeSnapshotsResult>"
                + "<Snapshots><Snapshot><SnapshotName>bella-bella-dev</SnapshotName><CacheClusterId>bella-dev</CacheClusterId>"
                + "<SnapshotStatus>" + status + "</SnapshotStatus><SnapshotSource>manual</SnapshotSource>"
                + "<CacheNodeType>cache.t4g.micro</CacheNodeType><Engine>redis</Engine><EngineVersion>7.1.0</EngineVersion>"
                + "<NumCacheNodes>1</NumCacheNodes><Port>6379</Port><CacheParameterGroupName>default.redis7</CacheParameterGroupName>"
                + "<CacheSubnetGroupName>bella-dev</CacheSubnetGroupName></Snapshot></Snapshots></DescribeSnapshotsResult>"
                + "<ResponseMetadata><RequestId>3</RequestId></ResponseMetadata></DescribeSnapshotsResponse>")));
    }

    private void noSnapshot() {
        server.stubFor(action("DescribeSnapshots").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse " + EC + "><Error><Type>Sender</Type><Code>SnapshotNotFoundFault</Code>"
                        + "<Message>Snapshot bella-bella-dev not found.</Message></Error><RequestId>4</RequestId></ErrorResponse>")));
    }

    private void cacheWrites() {
        for (String a : List.of("CreateSnapshot", "DeleteCacheCluster", "CreateCacheCluster", "DeleteSnapshot")) {
            server.stubFor(action(a).willReturn(xml("<" + a + "Response " + EC + "><ResponseMetadata><RequestId>5</RequestId>"
                    + "</ResponseMetadata></" + a + "Response>")));
        }
    }

    private RunReport runWith(ScheduledEnvironment e, Instant now) {
        return new ScheduleDevService(ports, e, Clock.fixed(now, ZoneOffset.UTC), 4)
                .reconcile(ScheduleDevService.Intent.SCHEDULE, now, Optional.empty(), false, List.of());
    }

    @Test
    void snapshot_delete_first_snapshots_with_the_settings_then_deletes_on_a_later_run() {
        ScheduledEnvironment e = snapshotDelete();
        aws.resources(mapping(CACHE_ARN, DEV));
        cacheWrites();
        cacheCluster("available");
        noSnapshot();

        ResourceResult first = runWith(e, SATURDAY).results().getFirst();

        assertThat(first.outcome()).isEqualTo(ResourceResult.Outcome.PENDING);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeCacheClusters", "DescribeSnapshots", "CreateSnapshot");
        assertThat(aws.events("CreateSnapshot").getFirst().getRequest().getBodyAsString())
                .contains("CacheClusterId=bella-dev").contains("SnapshotName=bella-bella-dev")
                .contains("Tags.Tag.3.Key=bella%3Acache-of&Tags.Tag.3.Value=bella-dev")
                .contains("Tags.Tag.4.Key=bella%3Acache-security-groups&Tags.Tag.4.Value=sg-0aa+sg-0bb");
        assertThat(aws.events("DeleteCacheCluster")).isEmpty();

        server.resetRequests();
        snapshot("creating");
        assertThat(runWith(e, SATURDAY.plusSeconds(600)).results().getFirst().outcome()).isEqualTo(ResourceResult.Outcome.PENDING);
        assertThat(aws.events("DeleteCacheCluster")).isEmpty();

        server.resetRequests();
        snapshot("available");
        ResourceResult third = runWith(e, SATURDAY.plusSeconds(1200)).results().getFirst();
        assertThat(third.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        assertThat(aws.events("DeleteCacheCluster").getFirst().getRequest().getBodyAsString()).contains("CacheClusterId=bella-dev")
                .doesNotContain("FinalSnapshotIdentifier");
    }

    @Test
    void snapshot_delete_recreates_from_the_snapshot_then_reports_the_new_endpoint() {
        ScheduledEnvironment e = snapshotDelete();
        aws.resources(mapping(SNAPSHOT_ARN, with(DEV, "bella:cache-of", "bella-dev", "bella:cache-security-groups", "sg-0aa sg-0bb")));
        cacheWrites();
        noCacheCluster();
        snapshot("available");

        ResourceResult first = runWith(e, MONDAY).results().getFirst();

        assertThat(first.resource()).isEqualTo("cache/bella-dev");
        assertThat(first.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        String create = aws.events("CreateCacheCluster").getFirst().getRequest().getBodyAsString();
        assertThat(create).contains("CacheClusterId=bella-dev").contains("SnapshotName=bella-bella-dev")
                .contains("CacheNodeType=cache.t4g.micro").contains("Engine=redis").contains("EngineVersion=7.1.0")
                .contains("CacheSubnetGroupName=bella-dev").contains("CacheParameterGroupName=default.redis7")
                .contains("Port=6379").contains("SecurityGroupIds.SecurityGroupId.1=sg-0aa")
                .contains("SecurityGroupIds.SecurityGroupId.2=sg-0bb");

        server.resetRequests();
        cacheCluster("creating");
        assertThat(runWith(e, MONDAY.plusSeconds(600)).results().getFirst().outcome()).isEqualTo(ResourceResult.Outcome.PENDING);

        server.resetRequests();
        cacheCluster("available");
        ResourceResult done = runWith(e, MONDAY.plusSeconds(1200)).results().getFirst();
        assertThat(done.detail()).isEqualTo("restored; endpoint bella-dev.x1y2z3.0001.cac1.cache.amazonaws.com:6379");
        assertThat(aws.events("DeleteSnapshot").getFirst().getRequest().getBodyAsString()).contains("SnapshotName=bella-bella-dev");
    }

    @Test
    void a_snapshot_bella_did_not_take_is_not_a_resource() {
        aws.resources(mapping(SNAPSHOT_ARN.replace("bella-bella-dev", "manual-backup"), DEV));

        assertThat(run(SATURDAY, false).results()).isEmpty();
    }
}
