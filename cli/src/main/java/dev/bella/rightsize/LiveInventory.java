package dev.bella.rightsize;

import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * The sizes that actually run, from the Describe APIs: the spec says what should run, but a console change
 * or a failed deploy can make them differ, and the metrics are percentages of what runs.
 */
final class LiveInventory {

    /** The ECS service as it runs: its ARN (for Compute Optimizer) and its task size. */
    record RunningService(String arn, Observation.CurrentSize.Task size) {
    }

    private LiveInventory() {
    }

    static RunningService service(EcsClient ecs, String cluster, String service) {
        DescribeServicesResponse r = ecs.describeServices(b -> b.cluster(cluster).services(service));
        if (r.services().isEmpty()) {
            String reason = r.failures().isEmpty() ? "not found" : r.failures().getFirst().reason();
            throw new ResourceNotFoundException("ECS service '" + service + "' in cluster '" + cluster + "': " + reason
                    + "; name them with --cluster and --service");
        }
        var svc = r.services().getFirst();
        TaskDefinition td = ecs.describeTaskDefinition(b -> b.taskDefinition(svc.taskDefinition())).taskDefinition();
        return new RunningService(svc.serviceArn(), new Observation.CurrentSize.Task(units(td.cpu(), "cpu", td),
                units(td.memory(), "memory", td)));
    }

    /** Task-level cpu and memory are strings ("1024", or "1 vCPU" / "2 GB" when registered that way). */
    static int units(String value, String what, TaskDefinition td) {
        if (value == null) {
            throw new ResourceNotFoundException("task definition " + td.taskDefinitionArn() + " sets no task-level " + what
                    + " (required on Fargate)");
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        java.math.BigDecimal n;
        if (v.endsWith("vcpu")) {
            n = new java.math.BigDecimal(v.replace("vcpu", "").trim()).multiply(java.math.BigDecimal.valueOf(1024));
        } else if (v.endsWith("gb")) {
            n = new java.math.BigDecimal(v.replace("gb", "").trim()).multiply(java.math.BigDecimal.valueOf(1024));
        } else {
            n = new java.math.BigDecimal(v);
        }
        return n.intValueExact();
    }

    static Observation.CurrentSize.InstanceClass database(RdsClient rds, String id) {
        // an unknown identifier is a DBInstanceNotFound fault, which the SDK raises as an exception
        DBInstance db = rds.describeDBInstances(b -> b.dbInstanceIdentifier(id)).dbInstances().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("RDS instance '" + id + "' not found; name it with --db-instance"));
        return new Observation.CurrentSize.InstanceClass(db.dbInstanceClass(), 1);
    }

    static Optional<Observation.CurrentSize.InstanceClass> cache(ElastiCacheClient elasticache, String id) {
        CacheCluster c = elasticache.describeCacheClusters(b -> b.cacheClusterId(id)).cacheClusters().stream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("ElastiCache cluster '" + id + "' not found; name it with --cache-cluster"));
        return Optional.of(new Observation.CurrentSize.InstanceClass(c.cacheNodeType(),
                c.numCacheNodes() == null ? 1 : c.numCacheNodes()));
    }
}
