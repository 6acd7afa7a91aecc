package dev.bella.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bella.schedule.FakeAws.AAS;
import static dev.bella.schedule.FakeAws.DB_ARN;
import static dev.bella.schedule.FakeAws.ECS;
import static dev.bella.schedule.FakeAws.SERVICE_ARN;
import static dev.bella.schedule.FakeAws.action;
import static dev.bella.schedule.FakeAws.json;
import static dev.bella.schedule.FakeAws.mapping;
import static dev.bella.schedule.FakeAws.target;
import static dev.bella.schedule.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scheduled scaling and the dev scheduler: a stop suspends scheduled actions too (a morning action would
 * otherwise raise a stopped service), a start restores exactly what was suspended before; and what a line says
 * about a DB found running again, and about a step that failed half-way.
 */
class ScheduleDevScheduledScalingTest extends DevEnvironmentOnWireMock {

    private ResourceResult run(Instant now) {
        return new ScheduleDevService(ports, env, Clock.fixed(now, ZoneOffset.UTC), 4)
                .reconcile(ScheduleDevService.Intent.SCHEDULE, now, Optional.empty(), false, List.of())
                .results().getFirst();
    }

    private static Map<String, String> with(String... kv) {
        Map<String, String> m = new LinkedHashMap<>(DEV);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A scalable target with scheduled actions running and scale-in suspended by a person. */
    private void scalableTarget(int min, int max, boolean in, boolean out, boolean scheduled) {
        server.stubFor(target(AAS + "DescribeScalableTargets").willReturn(json("{\"ScalableTargets\":[{"
                + "\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/bella\",\"ScalableDimension\":"
                + "\"ecs:service:DesiredCount\",\"MinCapacity\":" + min + ",\"MaxCapacity\":" + max + ",\"RoleARN\":"
                + "\"arn:aws:iam::111122223333:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_ECSService\",\"CreationTime\":1.7640288E9,\"SuspendedState\":{"
                + "\"DynamicScalingInSuspended\":" + in + ",\"DynamicScalingOutSuspended\":" + out
                + ",\"ScheduledScalingSuspended\":" + scheduled + "}}]}")));
    }

    private void verifyRegister(int min, int max, boolean in, boolean out, boolean scheduled) {
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AAS + "RegisterScalableTarget"))
                .withRequestBody(equalToJson("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/bella\","
                        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":" + min + ",\"MaxCapacity\":"
                        + max + ",\"SuspendedState\":{\"DynamicScalingInSuspended\":" + in + ",\"DynamicScalingOutSuspended\":"
                        + out + ",\"ScheduledScalingSuspended\":" + scheduled + "}}")));
    }

    @Test
    void stopSuspendsScheduledScalingAndSavesWhatWasSuspendedBefore() {
        aws.resources(mapping(SERVICE_ARN, DEV));
        aws.ecsService(2, 1, 5, false);
        scalableTarget(1, 5, true, false, false);

        ResourceResult r = run(SATURDAY);

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        server.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(ECS + "TagResource"))
                .withRequestBody(equalToJson("{\"resourceArn\":\"" + SERVICE_ARN + "\",\"tags\":["
                        + "{\"key\":\"bella:prev-desired\",\"value\":\"2\"},{\"key\":\"bella:prev-min\",\"value\":\"1\"},"
                        + "{\"key\":\"bella:prev-max\",\"value\":\"5\"},{\"key\":\"bella:prev-suspended\",\"value\":\"in\"},"
                        + "{\"key\":\"bella:state-since\",\"value\":\"2026-11-28T15:00:00Z\"}]}")));
        verifyRegister(0, 5, true, true, true);
    }

    @Test
    void startRestoresExactlyWhatWasSuspended() {
        aws.resources(mapping(SERVICE_ARN, with("bella:prev-desired", "2", "bella:prev-min", "1", "bella:prev-max", "5",
                "bella:prev-suspended", "in")));
        aws.ecsService(0, 0, 5, true);
        scalableTarget(0, 5, true, true, true);

        ResourceResult r = run(MONDAY);

        assertThat(r.detail()).isEqualTo("started");
        assertThat(r.action()).isEqualTo("desired 2; scaling min 1, max 5, resumed; still suspended as before: in");
        verifyRegister(1, 5, true, false, false);
    }

    @Test
    void aServiceStoppedBeforeScheduledScalingWasSuspendedIsSuspendedNow() {
        // stopped by an older bella: scale-out suspended, scheduled actions still live
        aws.resources(mapping(SERVICE_ARN, with("bella:prev-desired", "2", "bella:prev-min", "1", "bella:prev-max", "5")));
        aws.ecsService(0, 0, 5, true);
        scalableTarget(0, 5, false, true, false);

        ResourceResult r = run(SATURDAY);

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeServices", "DescribeScalableTargets",
                "RegisterScalableTarget");
        verifyRegister(0, 5, false, true, true);
    }

    @Test
    void aDbStartedSoonAfterBellaStoppedItIsNotCalledAnAutomaticStart() {
        aws.resources(mapping(DB_ARN, with("bella:stopped-by", "schedule", "bella:state-since",
                SATURDAY.minus(Duration.ofHours(2)).toString())));
        aws.rdsWrites();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("available"))));

        ResourceResult r = run(SATURDAY);

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.CHANGED);
        assertThat(r.detail()).isEqualTo("available again 2 h after bella stopped it (bella:state-since "
                + "2026-11-28T13:00:00Z), before AWS's 7-day automatic start: started by someone, or the stop did not "
                + "take; stopped again");
        assertThat(aws.calls()).containsExactly("GetResources", "DescribeDBInstances", "AddTagsToResource", "StopDBInstance");
    }

    @Test
    void aStopThatFailsAfterItsTagsSaysWhatWasDoneAndWhatWasNot() {
        aws.resources(mapping(DB_ARN, DEV));
        aws.rdsWrites();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(FakeAws.dbInstances("available"))));
        server.stubFor(action("StopDBInstance").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody(FakeAws.error("InvalidDBInstanceState", "Instance bella-dev cannot be stopped now"))));

        ResourceResult r = run(SATURDAY);

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.FAILED);
        assertThat(r.errorCode()).contains("InvalidDBInstanceState");
        assertThat(r.action()).isEqualTo("done: tagged bella:stopped-by, bella:state-since; not done: stop (failed; "
                + "nothing after it was tried)");
    }

    @Test
    void aServiceWhoseDesiredCountWriteFailsShowsTheTagsAndScalingAlreadyChanged() {
        aws.resources(mapping(SERVICE_ARN, DEV));
        aws.ecsService(2, 1, 3, false);
        server.stubFor(target(ECS + "UpdateService").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ClientException\",\"message\":\"The service is being updated\"}")));

        ResourceResult r = run(SATURDAY);

        assertThat(r.outcome()).isEqualTo(ResourceResult.Outcome.FAILED);
        assertThat(r.errorCode()).contains("ClientException");
        assertThat(r.action()).isEqualTo("done: tags [bella:prev-desired, bella:prev-min, bella:prev-max, "
                + "bella:prev-suspended, bella:state-since]; scaling min 0, scale-out and scheduled scaling suspended; "
                + "not done: desired 0 (failed; nothing after it was tried)");
    }
}
