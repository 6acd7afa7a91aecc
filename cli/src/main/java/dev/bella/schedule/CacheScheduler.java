package dev.bella.schedule;

import dev.bella.spec.Schedule.CachePolicy;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheClusterNotFoundException;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;
import software.amazon.awssdk.services.elasticache.model.Snapshot;
import software.amazon.awssdk.services.elasticache.model.SnapshotNotFoundException;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * ElastiCache cannot be stopped. With {@code cache: keep} (the default) a cluster is left running and
 * reported with its node type, so its cost stays visible.
 *
 * <p>With {@code cache: snapshot-delete} (dev only, checked by the spec loader) a stop takes a snapshot
 * named {@code bella-<cluster>}, tagged with the environment and the security groups (the one setting a
 * snapshot does not record), and deletes the cluster only on a later run, once the snapshot is complete:
 * a failed snapshot never costs the data. A start recreates the cluster from the snapshot with its
 * recorded node type, engine version, subnet group, parameter group, port and security groups, and once
 * it is available reports the new endpoint and deletes the snapshot. Each step is one call per run;
 * the steps in between are reported pending, so cron keeps going.
 */
final class CacheScheduler implements ResourceScheduler {

    static final String CACHE_OF = "bella:cache-of";
    static final String SECURITY_GROUPS = "bella:cache-security-groups";

    private final ElastiCacheClient cache;
    private final CachePolicy policy;
    private final String environment;

    CacheScheduler(ElastiCacheClient cache, CachePolicy policy, String environment) {
        this.cache = cache;
        this.policy = policy;
        this.environment = environment;
    }

    static String snapshotName(String clusterId) {
        return "bella-" + clusterId;
    }

    private static String clusterId(ScheduledResource r) {
        return r.kind() == ScheduledResource.Kind.CACHE_SNAPSHOT ? r.tag(CACHE_OF).orElse(r.name()) : r.name();
    }

    private Optional<CacheCluster> cluster(String id) {
        try {
            return cache.describeCacheClusters(b -> b.cacheClusterId(id).showCacheNodeInfo(true)).cacheClusters()
                    .stream().findFirst();
        } catch (CacheClusterNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Snapshot> snapshot(String id) {
        try {
            return cache.describeSnapshots(b -> b.snapshotName(snapshotName(id))).snapshots().stream().findFirst();
        } catch (SnapshotNotFoundException e) {
            return Optional.empty();
        }
    }

    @java.lang.Override
    public String actual(ScheduledResource r) {
        Optional<CacheCluster> c = cluster(clusterId(r));
        if (c.isEmpty()) {
            return "deleted";
        }
        return c.get().cacheClusterStatus().equals("available") ? "running (" + c.get().cacheNodeType() + ")"
                : c.get().cacheClusterStatus();
    }

    @java.lang.Override
    public ResourceResult apply(Step step) {
        String id = clusterId(step.resource());
        Optional<CacheCluster> cluster = cluster(id);
        boolean snapshots = policy == CachePolicy.SNAPSHOT_DELETE || step.resource().kind() == ScheduledResource.Kind.CACHE_SNAPSHOT;
        Optional<Snapshot> snap = snapshots ? snapshot(id) : Optional.empty();
        String before = cluster.map(c -> c.cacheClusterStatus() + " " + c.cacheNodeType() + " x" + c.numCacheNodes())
                .orElse("deleted") + snap.map(s -> ", snapshot " + s.snapshotStatus()).orElse("");
        if (step.desired() == DesiredState.RUNNING) {
            return start(step, id, cluster, snap, before);
        }
        if (cluster.isPresent() && policy == CachePolicy.KEEP) {
            CacheCluster c = cluster.get();
            return step.result(before, "none (cache: keep)", ResourceResult.Outcome.KEPT,
                    "ElastiCache cannot be stopped; it keeps running and billing (" + c.cacheNodeType() + ")");
        }
        return stop(step, id, cluster, snap, before);
    }

    private ResourceResult stop(Step step, String id, Optional<CacheCluster> cluster, Optional<Snapshot> snap, String before) {
        if (cluster.isEmpty()) {
            if (snap.isEmpty()) {
                throw new ResourceFailure("CacheClusterNotFound", "cluster " + id + " and its snapshot are both missing");
            }
            return step.result(before, "none", ResourceResult.Outcome.CONVERGED, "deleted; restorable from snapshot "
                    + snapshotName(id));
        }
        CacheCluster c = cluster.get();
        if (!c.cacheClusterStatus().equals("available")) {
            return step.result(before, "none", ResourceResult.Outcome.PENDING, c.cacheClusterStatus() + ": retry on the next run");
        }
        if (snap.isEmpty()) {
            List<String> groups = c.securityGroups().stream().map(SecurityGroupMembership::securityGroupId).toList();
            if (!step.dryRun()) {
                cache.createSnapshot(b -> b.cacheClusterId(id).snapshotName(snapshotName(id)).tags(
                        tag(ScheduledResource.ENVIRONMENT_TAG, environment), tag(ScheduledResource.MANAGED_TAG, "true"),
                        tag(CACHE_OF, id), tag(SECURITY_GROUPS, String.join(" ", groups)),
                        tag(ScheduledResource.SINCE_TAG, step.now().toString())));
            }
            return step.result(before, "snapshot " + snapshotName(id), step.dryRun() ? ResourceResult.Outcome.PLANNED
                    : ResourceResult.Outcome.PENDING, "the cluster is deleted on a later run, once the snapshot is complete");
        }
        return switch (snap.get().snapshotStatus()) {
            case "available" -> {
                if (!step.dryRun()) {
                    cache.deleteCacheCluster(b -> b.cacheClusterId(id));
                }
                yield step.changed(before, "delete cluster", ResourceResult.Outcome.CHANGED, "deleting; snapshot "
                        + snapshotName(id) + " kept for the start");
            }
            case "creating" -> step.result(before, "none", ResourceResult.Outcome.PENDING, "snapshot creating: retry on the next run");
            default -> throw new ResourceFailure("snapshot-" + snap.get().snapshotStatus(), "snapshot " + snapshotName(id)
                    + " is " + snap.get().snapshotStatus() + "; the cluster was not deleted");
        };
    }

    private ResourceResult start(Step step, String id, Optional<CacheCluster> cluster, Optional<Snapshot> snap, String before) {
        if (cluster.isPresent()) {
            CacheCluster c = cluster.get();
            if (!c.cacheClusterStatus().equals("available")) {
                return step.result(before, "none", ResourceResult.Outcome.PENDING, c.cacheClusterStatus() + ": retry on the next run");
            }
            if (snap.isEmpty()) {
                return step.result(before, "none", ResourceResult.Outcome.CONVERGED, "running");
            }
            if (!step.dryRun()) {
                cache.deleteSnapshot(b -> b.snapshotName(snapshotName(id)));
            }
            return step.changed(before, "delete snapshot", ResourceResult.Outcome.CHANGED, "restored; endpoint " + endpoint(c));
        }
        if (snap.isEmpty() || !snap.get().snapshotStatus().equals("available")) {
            throw new ResourceFailure("CacheClusterNotFound", "cluster " + id + " is missing and snapshot " + snapshotName(id)
                    + (snap.isEmpty() ? " does not exist" : " is " + snap.get().snapshotStatus()) + ": nothing to recreate it from");
        }
        Snapshot s = snap.get();
        List<String> groups = step.resource().tag(SECURITY_GROUPS).map(v -> List.of(v.trim().split("\\s+")))
                .orElse(List.of()).stream().filter(g -> !g.isEmpty()).toList();
        if (!step.dryRun()) {
            cache.createCacheCluster(b -> b.cacheClusterId(id).snapshotName(s.snapshotName()).cacheNodeType(s.cacheNodeType())
                    .engine(s.engine()).engineVersion(s.engineVersion()).numCacheNodes(s.numCacheNodes())
                    .cacheSubnetGroupName(s.cacheSubnetGroupName()).cacheParameterGroupName(s.cacheParameterGroupName())
                    .port(s.port()).securityGroupIds(groups)
                    .tags(tag(ScheduledResource.ENVIRONMENT_TAG, environment), tag(ScheduledResource.MANAGED_TAG, "true"),
                            tag(ScheduledResource.SINCE_TAG, step.now().toString())));
        }
        return step.changed(before, "recreate from snapshot " + s.snapshotName(), ResourceResult.Outcome.CHANGED,
                "creating " + s.cacheNodeType() + " " + s.engine() + " " + s.engineVersion()
                        + "; the new endpoint is reported when it is available");
    }

    private static String endpoint(CacheCluster c) {
        if (c.configurationEndpoint() != null) {
            return c.configurationEndpoint().address() + ":" + c.configurationEndpoint().port();
        }
        return c.cacheNodes().stream().findFirst().filter(n -> n.endpoint() != null)
                .map(n -> n.endpoint().address() + ":" + n.endpoint().port()).orElse("(not reported)");
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
