package dev.bella.schedule;

import dev.bella.spec.Schedule.CachePolicy;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;

/**
 * ElastiCache cannot be stopped. With {@code cache: keep} (the default) it is left running and reported
 * with its node type, so its cost stays visible. {@code cache: snapshot-delete} is accepted by the spec
 * but not carried out yet: it is reported as failed rather than silently kept.
 */
final class CacheScheduler implements ResourceScheduler {

    private final ElastiCacheClient cache;
    private final CachePolicy policy;

    CacheScheduler(ElastiCacheClient cache, CachePolicy policy) {
        this.cache = cache;
        this.policy = policy;
    }

    private CacheCluster cluster(ScheduledResource r) {
        return cache.describeCacheClusters(b -> b.cacheClusterId(r.name())).cacheClusters().getFirst();
    }

    @java.lang.Override
    public String actual(ScheduledResource r) {
        CacheCluster c = cluster(r);
        return c.cacheClusterStatus().equals("available") ? "running (" + c.cacheNodeType() + ")" : c.cacheClusterStatus();
    }

    @java.lang.Override
    public ResourceResult apply(Step step) {
        CacheCluster c = cluster(step.resource());
        String before = c.cacheClusterStatus() + " " + c.cacheNodeType() + " x" + c.numCacheNodes();
        if (step.desired() == DesiredState.RUNNING) {
            return step.result(before, "none", ResourceResult.Outcome.CONVERGED, "running");
        }
        return switch (policy) {
            case KEEP -> step.result(before, "none (cache: keep)", ResourceResult.Outcome.KEPT,
                    "ElastiCache cannot be stopped; it keeps running and billing (" + c.cacheNodeType() + ")");
            case SNAPSHOT_DELETE -> throw new ResourceFailure("not-implemented",
                    "cache: snapshot-delete is not implemented yet; nothing was deleted");
        };
    }
}
