package dev.bella.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Filter;

/**
 * The resources' current state read in batches before any change: DescribeServices takes 10 services
 * of a cluster, DescribeScalableTargets 50 ids, DescribeDBInstances/Clusters 100 identifiers. A quiet
 * cron run over 50 services and 20 databases then makes 7 calls instead of 120. A batch that fails
 * leaves its resources out, and their scheduler describes them one by one, so the error lands on the
 * resource's own line.
 */
final class ResourceStates {

    private final Map<String, Integer> desiredCounts = new ConcurrentHashMap<>();
    private final Map<String, Optional<ScalableTarget>> targets = new ConcurrentHashMap<>();
    private final Map<String, DBInstance> instances = new ConcurrentHashMap<>();
    private final Map<String, DBCluster> clusters = new ConcurrentHashMap<>();

    /** Reads kind after kind (so the calls come in a stable order); the batches of a kind run in parallel. */
    static ResourceStates read(AwsPorts aws, List<ScheduledResource> resources, Parallel parallel) {
        ResourceStates s = new ResourceStates();
        Map<String, List<String>> servicesByCluster = new LinkedHashMap<>();
        List<String> scalingIds = new ArrayList<>();
        List<String> dbs = new ArrayList<>();
        List<String> dbClusters = new ArrayList<>();
        for (ScheduledResource r : resources) {
            switch (r.kind()) {
                case ECS_SERVICE -> EcsServiceScheduler.ids(r).ifPresent(ids -> {
                    servicesByCluster.computeIfAbsent(ids.cluster(), c -> new ArrayList<>()).add(ids.service());
                    scalingIds.add(ids.scalingId());
                });
                case RDS_INSTANCE -> dbs.add(r.name());
                case RDS_CLUSTER -> dbClusters.add(r.name());
                case CACHE, CACHE_SNAPSHOT -> { }
            }
        }
        List<Runnable> ecs = new ArrayList<>();
        servicesByCluster.forEach((cluster, names) -> batches(names, 10).forEach(batch -> ecs.add(() ->
                aws.ecs().describeServices(b -> b.cluster(cluster).services(batch)).services()
                        .forEach(svc -> s.desiredCounts.put(cluster + "/" + svc.serviceName(), svc.desiredCount())))));
        parallel.run(ecs);
        parallel.run(batches(scalingIds, 50).stream().<Runnable>map(batch -> () -> {
            Map<String, Optional<ScalableTarget>> found = new LinkedHashMap<>();
            batch.forEach(id -> found.put(id, Optional.empty()));
            aws.autoScaling().describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS)
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).resourceIds(batch))
                    .scalableTargets().forEach(t -> found.put(t.resourceId(), Optional.of(t)));
            s.targets.putAll(found);
        }).toList());
        parallel.run(batches(dbs, 100).stream().<Runnable>map(batch -> () ->
                aws.rds().describeDBInstancesPaginator(b -> b.filters(Filter.builder().name("db-instance-id").values(batch).build()))
                        .dbInstances().forEach(i -> s.instances.put(i.dbInstanceIdentifier(), i))).toList());
        parallel.run(batches(dbClusters, 100).stream().<Runnable>map(batch -> () ->
                aws.rds().describeDBClustersPaginator(b -> b.filters(Filter.builder().name("db-cluster-id").values(batch).build()))
                        .dbClusters().forEach(c -> s.clusters.put(c.dbClusterIdentifier(), c))).toList());
        return s;
    }

    Optional<Integer> desiredCount(String cluster, String service) {
        return Optional.ofNullable(desiredCounts.get(cluster + "/" + service));
    }

    /** Empty when the batch was not read; an empty inner Optional when the service has no scalable target. */
    Optional<Optional<ScalableTarget>> target(String scalingId) {
        return Optional.ofNullable(targets.get(scalingId));
    }

    Optional<DBInstance> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    Optional<DBCluster> cluster(String id) {
        return Optional.ofNullable(clusters.get(id));
    }

    private static <T> List<List<T>> batches(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(List.copyOf(all.subList(i, Math.min(all.size(), i + size))));
        }
        return out;
    }

    /** Runs tasks on the run's pool; a failed batch is skipped (its resources are described one by one). */
    interface Parallel {
        void run(List<Runnable> tasks);

        static Consumer<Runnable> quiet() {
            return task -> {
                try {
                    task.run();
                } catch (SdkException e) {
                    // left out of the snapshot: the resource's own describe reports the error
                }
            };
        }
    }
}
