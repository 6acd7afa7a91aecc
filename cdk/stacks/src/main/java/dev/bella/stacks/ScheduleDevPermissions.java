package dev.bella.stacks;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * The IAM permissions {@code bella cost schedule-dev} needs, and no more: every action that IAM lets us
 * scope to a resource is scoped to this environment's ECS service or RDS instance; the rest (describe and
 * tag-search APIs that take no resource) are on {@code *}, where IAM allows nothing narrower.
 */
final class ScheduleDevPermissions {

    /*
     * Exactly the calls of cli's dev.bella.schedule (docs/schedule-dev.md, "IAM permissions"): tags are read
     * through tag:GetResources and written on the resource (the saved desired count, the override hold).
     * The stacks make a single RDS instance (no Aurora) and the cache policy `keep` only describes the cache.
     */
    static final List<String> ECS = List.of("ecs:DescribeServices", "ecs:UpdateService", "ecs:TagResource",
            "ecs:UntagResource");
    static final List<String> RDS = List.of("rds:DescribeDBInstances", "rds:StopDBInstance", "rds:StartDBInstance",
            "rds:AddTagsToResource", "rds:RemoveTagsFromResource");
    static final List<String> UNSCOPED = List.of("application-autoscaling:DescribeScalableTargets",
            "tag:GetResources", "elasticache:DescribeCacheClusters");
    /** Changes the min capacity: the one write that IAM cannot tie to this environment's service. */
    static final List<String> SCALABLE_TARGETS = List.of("application-autoscaling:RegisterScalableTarget");

    private ScheduleDevPermissions() {
    }

    static void grant(Role role, ServiceStack service, DataStack data) {
        role.addToPolicy(PolicyStatement.Builder.create().sid("EcsService").actions(ECS)
                .resources(List.of(service.service.getServiceArn())).build());
        role.addToPolicy(PolicyStatement.Builder.create().sid("Database").actions(RDS)
                .resources(List.of(data.database.getInstanceArn())).build());
        // A scalable target's ARN ends in a generated id that CloudFormation does not return, and the stack
        // cannot tag it (AWS::ApplicationAutoScaling::ScalableTarget takes no tags), so the narrowest IAM
        // allows is scalable targets in this account and region; separate accounts for dev and prod close
        // the rest (docs/stacks.md)
        role.addToPolicy(PolicyStatement.Builder.create().sid("ScalableTargets").actions(SCALABLE_TARGETS)
                .resources(List.of(scalableTargets(role))).build());
        // describe and tag-search calls take no resource at all
        role.addToPolicy(PolicyStatement.Builder.create().sid("Unscoped").actions(UNSCOPED)
                .resources(List.of("*")).build());
        TradeOffs.SCHEDULER_DESCRIBE.on(role);
        TradeOffs.SCHEDULER_TARGETS.on(role);
    }

    static String scalableTargets(Role role) {
        return Stack.of(role).formatArn(ArnComponents.builder().service("application-autoscaling")
                .resource("scalable-target").resourceName("*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    }
}
