package dev.bella.stacks;

import dev.bella.spec.Environment;
import dev.bella.spec.Schedule;
import dev.bella.spec.Scheduler;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

/**
 * The dev scheduler: an EventBridge Scheduler schedule in the environment's IANA timezone that runs the
 * bella CLI image as a one-off Fargate task with {@code cost schedule-dev run}. The command reconciles the
 * environment to what the schedule wants now, so the schedule is a plain rate: a run that fails or is
 * skipped is repaired by the next one, and RDS's automatic restart after 7 days is stopped again.
 */
final class SchedulerStack extends Stack {

    static final String SCHEDULE_GROUP = "default";

    final FargateTaskDefinition task;
    final Role taskRole;
    final Role schedulerRole;
    final CfnSchedule schedule;

    SchedulerStack(Construct scope, String id, StackProps props, Environment env, Schedule when, NetworkStack network,
                   DataStack data, ServiceStack service, String project, java.nio.file.Path imageDir) {
        super(scope, id, props);
        taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("bella cost schedule-dev run for " + env.name() + ": only what the command calls")
                .build();
        ScheduleDevPermissions.grant(taskRole, service, data);

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/" + project + "/" + env.name() + "/schedule-dev")
                .removalPolicy(RemovalPolicy.DESTROY).build();
        ServiceStack.retention(logs, env.logs().retentionDays());

        task = FargateTaskDefinition.Builder.create(this, "Task")
                .family(project + "-" + env.name() + "-schedule-dev")
                .cpu(Scheduler.CPU_UNITS).memoryLimitMiB(Scheduler.MEMORY_MIB)
                .runtimePlatform(ServiceStack.platform(env.service().architecture()))
                .taskRole(taskRole)
                .build();
        task.addContainer("bella", ContainerDefinitionOptions.builder()
                .image(ContainerImages.of(this, "Repository", env.scheduler().image(), imageDir))
                .command(List.of("cost", "schedule-dev", "run", "--env", env.name()))
                .environment(Map.of("BELLA_ENV", env.name()))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("schedule-dev").build()))
                .build());
        TradeOffs.PLAIN_VARIABLES.on(task);
        TradeOffs.ECR_TOKEN.on(task.obtainExecutionRole());

        schedulerRole = Role.Builder.create(this, "SchedulerRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com", software.amazon.awscdk.services.iam
                        .ServicePrincipalOpts.builder()
                        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))).build()))
                .description("EventBridge Scheduler: run the schedule-dev task for " + env.name())
                .build();
        schedulerRole.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("ecs:RunTask"))
                .resources(List.of(task.getTaskDefinitionArn()))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", service.cluster.getClusterArn())))
                .build());
        schedulerRole.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("iam:PassRole"))
                .resources(List.of(taskRole.getRoleArn(), task.obtainExecutionRole().getRoleArn()))
                .build());

        var subnets = network.vpc.selectSubnets(network.taskSubnets(env)).getSubnetIds();
        schedule = CfnSchedule.Builder.create(this, "Schedule")
                .name(project + "-" + env.name() + "-schedule-dev")
                .groupName(SCHEDULE_GROUP)
                .description("bella cost schedule-dev run --env " + env.name() + " (schedule " + when.name() + ")")
                .scheduleExpression(rate(env.scheduler().every()))
                .scheduleExpressionTimezone(when.zone().getId())
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .state("ENABLED")
                .target(CfnSchedule.TargetProperty.builder()
                        .arn(service.cluster.getClusterArn())
                        .roleArn(schedulerRole.getRoleArn())
                        .ecsParameters(CfnSchedule.EcsParametersProperty.builder()
                                .taskDefinitionArn(task.getTaskDefinitionArn())
                                .launchType("FARGATE")
                                .taskCount(1)
                                .networkConfiguration(CfnSchedule.NetworkConfigurationProperty.builder()
                                        .awsvpcConfiguration(CfnSchedule.AwsVpcConfigurationProperty.builder()
                                                .subnets(subnets)
                                                .securityGroups(List.of(network.scheduler.orElseThrow().getSecurityGroupId()))
                                                .assignPublicIp(env.network().publicTasks() ? "ENABLED" : "DISABLED")
                                                .build())
                                        .build())
                                .build())
                        // the next run repairs a missed one; retrying an old one could act on a stale view
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder().maximumRetryAttempts(0)
                                .maximumEventAgeInSeconds(300).build())
                        .build())
                .build();
    }

    /** EventBridge Scheduler's rate(): whole minutes (the loader checks), singular for one. */
    static String rate(java.time.Duration every) {
        long minutes = every.toMinutes();
        return "rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)");
    }
}
