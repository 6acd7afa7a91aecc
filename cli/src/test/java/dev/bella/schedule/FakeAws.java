package dev.bella.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * WireMock stubs with the wire shapes AWS SDK 2.40.2 uses: JSON 1.1 with {@code X-Amz-Target} for ECS,
 * Application Auto Scaling and the Tagging API; awsQuery (form POST, XML answers) for RDS and ElastiCache.
 */
final class FakeAws {

    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String AAS = "AnyScaleFrontendService.";
    static final String TAGGING = "ResourceGroupsTaggingAPI_20170126.";
    static final String SERVICE_ARN = "arn:aws:ecs:ca-central-1:111122223333:service/bella-dev/bella";
    static final String DB_ARN = "arn:aws:rds:ca-central-1:111122223333:db:bella-dev";
    static final String CLUSTER_ARN = "arn:aws:rds:ca-central-1:111122223333:cluster:bella-aurora-dev";
    static final String CACHE_ARN = "arn:aws:elasticache:ca-central-1:111122223333:cluster:bella-dev";
    static final String PROD_SERVICE_ARN = "arn:aws:ecs:ca-central-1:111122223333:service/bella-prod/bella";

    final WireMockServer server;

    FakeAws(WireMockServer server) {
        this.server = server;
    }

    AwsPorts ports() {
        return AwsPorts.create(new AwsClients(AwsSettings.of(null, "ca-central-1", URI.create(server.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static MappingBuilder target(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    /** A Tagging API mapping for GetResources. */
    static String mapping(String arn, Map<String, String> tags) {
        return "{\"ResourceARN\":\"" + arn + "\",\"Tags\":[" + tags.entrySet().stream()
                .map(e -> "{\"Key\":\"" + e.getKey() + "\",\"Value\":\"" + e.getValue() + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    void resources(String... mappings) {
        server.stubFor(target(TAGGING + "GetResources").willReturn(json("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":["
                + String.join(",", mappings) + "]}")));
    }

    static String service(int desired) {
        return "{\"services\":[{\"serviceArn\":\"" + SERVICE_ARN + "\",\"serviceName\":\"bella\",\"clusterArn\":"
                + "\"arn:aws:ecs:ca-central-1:111122223333:cluster/bella-dev\",\"status\":\"ACTIVE\",\"desiredCount\":"
                + desired + ",\"runningCount\":" + desired + ",\"pendingCount\":0,\"launchType\":\"FARGATE\"}],\"failures\":[]}";
    }

    static String scalableTarget(int min, int max, boolean outSuspended) {
        return "{\"ScalableTargets\":[{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/bella-dev/bella\","
                + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":" + min + ",\"MaxCapacity\":" + max
                + ",\"RoleARN\":\"arn:aws:iam::111122223333:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                + "AWSServiceRoleForApplicationAutoScaling_ECSService\",\"CreationTime\":1.7640288E9,\"SuspendedState\":"
                + "{\"DynamicScalingInSuspended\":false,\"DynamicScalingOutSuspended\":" + outSuspended
                + ",\"ScheduledScalingSuspended\":" + outSuspended + "}}]}"; // bella suspends both
    }

    void ecsService(int desired, int min, int max, boolean outSuspended) {
        server.stubFor(target(ECS + "DescribeServices").willReturn(json(service(desired))));
        server.stubFor(target(AAS + "DescribeScalableTargets").willReturn(json(scalableTarget(min, max, outSuspended))));
        server.stubFor(target(ECS + "TagResource").willReturn(json("{}")));
        server.stubFor(target(ECS + "UntagResource").willReturn(json("{}")));
        server.stubFor(target(ECS + "UpdateService").willReturn(json("{\"service\":{\"serviceArn\":\"" + SERVICE_ARN
                + "\",\"desiredCount\":0}}")));
        server.stubFor(target(AAS + "RegisterScalableTarget").willReturn(json(
                "{\"ScalableTargetARN\":\"arn:aws:application-autoscaling:ca-central-1:111122223333:scalable-target/0123\"}")));
    }

    static String dbInstances(String status) {
        return "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances><DBInstance><DBInstanceIdentifier>bella-dev</DBInstanceIdentifier><DBInstanceClass>db.t4g.micro"
                + "</DBInstanceClass><Engine>postgres</Engine><DBInstanceStatus>" + status + "</DBInstanceStatus>"
                + "<DBInstanceArn>" + DB_ARN + "</DBInstanceArn></DBInstance></DBInstances></DescribeDBInstancesResult>"
                + "<ResponseMetadata><RequestId>5e2b1c7a-0000-4000-8000-000000000001</RequestId></ResponseMetadata>"
                + "</DescribeDBInstancesResponse>";
    }

    static String rdsOk(String action, String inner) {
        return "<" + action + "Response xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + (inner.isEmpty() ? "" : "<" + action + "Result>" + inner + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>5e2b1c7a-0000-4000-8000-000000000002</RequestId></ResponseMetadata></"
                + action + "Response>";
    }

    void rdsWrites() {
        server.stubFor(action("StopDBInstance").willReturn(xml(rdsOk("StopDBInstance",
                "<DBInstance><DBInstanceIdentifier>bella-dev</DBInstanceIdentifier><DBInstanceStatus>stopping</DBInstanceStatus></DBInstance>"))));
        server.stubFor(action("StartDBInstance").willReturn(xml(rdsOk("StartDBInstance",
                "<DBInstance><DBInstanceIdentifier>bella-dev</DBInstanceIdentifier><DBInstanceStatus>starting</DBInstanceStatus></DBInstance>"))));
        server.stubFor(action("AddTagsToResource").willReturn(xml(rdsOk("AddTagsToResource", ""))));
        server.stubFor(action("RemoveTagsFromResource").willReturn(xml(rdsOk("RemoveTagsFromResource", ""))));
    }

    static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message + "</Message></Error><RequestId>5e2b1c7a-0000-4000-8000-0000000000ee</RequestId>"
                + "</ErrorResponse>";
    }

    /** Every request in arrival order, as its X-Amz-Target or its query Action. */
    List<String> calls() {
        // WireMock lists the newest first; logged dates have millisecond ties
        return server.getAllServeEvents().reversed().stream().map(FakeAws::name).toList();
    }

    List<ServeEvent> events(String name) {
        return server.getAllServeEvents().reversed().stream().filter(e -> name(e).equals(name)).toList();
    }

    private static String name(ServeEvent e) {
        String t = e.getRequest().getHeader("X-Amz-Target");
        if (t != null) {
            return t.substring(t.indexOf('.') + 1);
        }
        String body = e.getRequest().getBodyAsString();
        int i = body.indexOf("Action=");
        return i < 0 ? "?" : body.substring(i + 7, body.indexOf('&', i) < 0 ? body.length() : body.indexOf('&', i));
    }
}
