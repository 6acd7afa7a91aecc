package dev.bella.stacks;

import static dev.bella.stacks.Assemblies.template;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The operational alarms: thresholds from the spec's {@code alarms}, actions to the budget's recipients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmsTemplateTest {

    private final Template prod = template("bella", "prod", "bella-prod-service");
    private final Template edge = template("variant", "edge", "shop-edge-service");

    @Test
    void defaultsAreTheSeedsThreeSecondsOnTheHttpApi() {
        prod.resourceCountIs("AWS::CloudWatch::Alarm", 4);
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "bella-prod-p99-latency",
                "Namespace", "AWS/ApiGateway", "MetricName", "Latency", "ExtendedStatistic", "p99",
                "Threshold", 3000, "ComparisonOperator", "GreaterThanThreshold"));
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "bella-prod-5xx-rate",
                "Threshold", 5, "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "errors",
                        "MetricStat", Match.objectLike(Map.of("Metric", Match.objectLike(Map.of("MetricName", "5xx",
                                "Namespace", "AWS/ApiGateway"))))))))));
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "bella-prod-db-cpu",
                "Namespace", "AWS/RDS", "MetricName", "CPUUtilization", "Threshold", 80));
        prod.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "bella-prod-db-free-storage",
                "MetricName", "FreeStorageSpace", "Threshold", 2L * 1024 * 1024 * 1024,
                "ComparisonOperator", "LessThanThreshold"));
        prod.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint",
                "ops@example.com"));
    }

    @Test
    void thresholdsComeFromTheSpecAndAlbLatencyIsInSeconds() {
        edge.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-edge-p99-latency",
                "Namespace", "AWS/ApplicationELB", "MetricName", "TargetResponseTime", "ExtendedStatistic", "p99",
                "Threshold", 2.5));
        edge.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-edge-5xx-rate",
                "Threshold", 2));
        edge.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-edge-db-cpu", "Threshold", 75));
        edge.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-edge-db-free-storage",
                "Threshold", 5L * 1024 * 1024 * 1024));
    }

    @Test
    void anSnsArnRecipientIsAnExtraAlarmActionNotASubscription() {
        edge.resourceCountIs("AWS::SNS::Subscription", 1);
        edge.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-edge-db-cpu",
                "AlarmActions", List.of(Match.objectLike(Map.of("Ref", Match.anyValue())),
                        "arn:aws:sns:ca-central-1:123456789012:pager")));
    }
}
