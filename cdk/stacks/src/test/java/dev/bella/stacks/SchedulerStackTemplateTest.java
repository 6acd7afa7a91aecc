package dev.bella.stacks;

import static dev.bella.stacks.Assemblies.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The dev scheduler: only with a schedule, in its timezone, running schedule-dev with least privilege. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulerStackTemplateTest {

    private final Template dev = template("bella", "dev", "bella-dev-scheduler");
    private final Template plain = template("variant", "plain", "shop-plain-scheduler");

    @Test
    void onlyAnEnvironmentWithAScheduleGetsOne() {
        assertThat(Assemblies.of("bella", "prod").resolve("bella-prod-scheduler.template.json")).doesNotExist();
        assertThat(Assemblies.of("bella", "dev").resolve("bella-dev-scheduler.template.json")).exists();
    }

    @Test
    void scheduleRunsInTheSchedulesTimezoneAtTheConfiguredRate() {
        dev.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(10 minutes)",
                "ScheduleExpressionTimezone", "America/Toronto", "State", "ENABLED",
                "Target", Map.of("EcsParameters", Map.of("LaunchType", "FARGATE", "TaskCount", 1,
                        "NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of("AssignPublicIp", "ENABLED"))))));
        plain.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(5 minutes)",
                "ScheduleExpressionTimezone", "Asia/Tokyo", "Target", Map.of("EcsParameters", Map.of(
                        "NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of("AssignPublicIp", "DISABLED"))))));
    }

    @Test
    void theTaskRunsScheduleDevFromTheCliImage() {
        dev.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Map.of(
                "Command", List.of("cost", "schedule-dev", "run", "--env", "dev"),
                "Image", Match.objectLike(Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                        "/bella-cli:latest")))))))));
        plain.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions", List.of(Map.of(
                "Command", List.of("cost", "schedule-dev", "run", "--env", "plain"),
                "Image", Match.objectLike(Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                        "/ops/bella-cli:2026.11")))))))));
    }

    @Test
    void theTaskRoleHasExactlyWhatScheduleDevCalls() {
        dev.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", List.of(
                Map.of("Sid", "EcsService", "Effect", "Allow", "Action", ScheduleDevPermissions.ECS,
                        "Resource", Map.of("Fn::ImportValue", Match.stringLikeRegexp("bella-dev-service:.*Service.*"))),
                Map.of("Sid", "Database", "Action", ScheduleDevPermissions.RDS,
                        "Resource", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(":db:"))))),
                // RegisterScalableTarget: scalable targets of this account and region, never "*"
                Map.of("Sid", "ScalableTargets", "Action", "application-autoscaling:RegisterScalableTarget",
                        "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":application-autoscaling:ca-central-1:", Map.of("Ref", "AWS::AccountId"),
                                ":scalable-target/*")))),
                Map.of("Sid", "Unscoped", "Action", ScheduleDevPermissions.UNSCOPED, "Resource", "*")))));
        assertThat(ScheduleDevPermissions.UNSCOPED).doesNotContain("application-autoscaling:RegisterScalableTarget");
        assertThat(ScheduleDevPermissions.ECS).containsExactly("ecs:DescribeServices", "ecs:UpdateService",
                "ecs:TagResource", "ecs:UntagResource");
        assertThat(ScheduleDevPermissions.RDS).containsExactly("rds:DescribeDBInstances", "rds:StopDBInstance",
                "rds:StartDBInstance", "rds:AddTagsToResource", "rds:RemoveTagsFromResource");
    }

    @Test
    void theSchedulerMayOnlyRunThatTaskInThatClusterAndPassItsRoles() {
        dev.hasResourceProperties("AWS::IAM::Policy", Map.of("PolicyDocument", Map.of("Statement", List.of(
                Map.of("Action", "ecs:RunTask", "Resource", Map.of("Ref", Match.stringLikeRegexp("Task.*")),
                        "Condition", Map.of("ArnEquals", Map.of("ecs:cluster", Match.anyValue()))),
                Map.of("Action", "iam:PassRole", "Resource", List.of(Match.anyValue(), Match.anyValue()))))));
        dev.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
                Map.of("Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))))));
    }

    @Test
    void rateIsSingularForOneMinute() {
        assertThat(SchedulerStack.rate(java.time.Duration.ofMinutes(1))).isEqualTo("rate(1 minute)");
        assertThat(SchedulerStack.rate(java.time.Duration.ofMinutes(15))).isEqualTo("rate(15 minutes)");
    }

    @Test
    void schedulerLogsKeepTheEnvironmentsRetention() throws Exception {
        dev.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/bella/dev/schedule-dev",
                "RetentionInDays", 7));
        assertThat(Files.readString(Assemblies.of("bella", "dev").resolve("bella-dev-scheduler.template.json")))
                .doesNotContain("\"ecs:*\"", "\"rds:*\"");
    }
}
