package dev.bella.schedule;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/** The SDK clients schedule-dev calls, all built by {@code dev.bella.aws.AwsClients}. */
public record AwsPorts(ResourceGroupsTaggingApiClient tagging, EcsClient ecs, ApplicationAutoScalingClient autoScaling,
                       RdsClient rds, ElastiCacheClient cache) implements AutoCloseable {

    public static AwsPorts create(dev.bella.aws.AwsClients clients) {
        return new AwsPorts(clients.create(ResourceGroupsTaggingApiClient.builder()), clients.create(EcsClient.builder()),
                clients.create(ApplicationAutoScalingClient.builder()), clients.create(RdsClient.builder()),
                clients.create(ElastiCacheClient.builder()));
    }

    @java.lang.Override
    public void close() {
        tagging.close();
        ecs.close();
        autoScaling.close();
        rds.close();
        cache.close();
    }
}
