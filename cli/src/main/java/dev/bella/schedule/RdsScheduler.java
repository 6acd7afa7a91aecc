package dev.bella.schedule;

import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS instances and Aurora clusters: stop and start. AWS starts a DB stopped for 7 days by itself; a DB
 * that bella stopped carries {@code bella:stopped-by=schedule}, so finding it available while the
 * schedule says stopped means an automatic start, and it is stopped again. Members of an Aurora
 * cluster are left to the cluster (they cannot be stopped one by one).
 */
final class RdsScheduler implements ResourceScheduler {

    static final String STOPPED_BY = "bella:stopped-by";

    /** States that end by themselves: report pending, the next run retries. */
    private static final Set<String> TRANSITIONAL = Set.of("stopping", "starting", "backing-up", "modifying",
            "rebooting", "configuring-enhanced-monitoring", "configuring-iam-database-auth", "configuring-log-exports",
            "upgrading", "maintenance", "renaming", "resetting-master-credentials", "storage-optimization",
            "creating", "migrating", "promoting", "backtracking", "preparing-data-migration");

    private final RdsClient rds;
    private final ResourceStates states;

    RdsScheduler(RdsClient rds, ResourceStates states) {
        this.rds = rds;
        this.states = states;
    }

    private record State(String status, String cluster) {
    }

    private State state(ScheduledResource r) {
        if (r.kind() == ScheduledResource.Kind.RDS_CLUSTER) {
            DBCluster c = states.cluster(r.name()).orElseGet(() ->
                    rds.describeDBClusters(b -> b.dbClusterIdentifier(r.name())).dbClusters().getFirst());
            return new State(c.status(), null);
        }
        DBInstance i = states.instance(r.name()).orElseGet(() ->
                rds.describeDBInstances(b -> b.dbInstanceIdentifier(r.name())).dbInstances().getFirst());
        return new State(i.dbInstanceStatus(), i.dbClusterIdentifier());
    }

    @java.lang.Override
    public String actual(ScheduledResource r) {
        State s = state(r);
        return s.status().equals("available") ? "running (available)" : s.status();
    }

    @java.lang.Override
    public ResourceResult apply(Step step) {
        ScheduledResource r = step.resource();
        State s = state(r);
        String before = s.status();
        if (s.cluster() != null) {
            return step.result(before, "none", ResourceResult.Outcome.CONVERGED,
                    "member of Aurora cluster " + s.cluster() + ": scheduled with the cluster");
        }
        boolean stop = step.desired() == DesiredState.STOPPED;
        String goal = stop ? "stopped" : "available";
        if (s.status().equals(goal)) {
            if (!step.dryRun() && !stop && r.tag(STOPPED_BY).isPresent()) {
                // started outside bella (console, the 7-day auto-start) during a window: forget that we stopped it
                rds.removeTagsFromResource(b -> b.resourceName(r.arn()).tagKeys(STOPPED_BY));
            }
            storeHold(step);
            return step.result(before, "none", ResourceResult.Outcome.CONVERGED, "already " + goal);
        }
        if (TRANSITIONAL.contains(s.status())) {
            return step.result(before, "none", ResourceResult.Outcome.PENDING, s.status() + ": retry on the next run");
        }
        String from = stop ? "available" : "stopped";
        if (!s.status().equals(from)) {
            throw new ResourceFailure("unexpected-state", "cannot " + (stop ? "stop" : "start") + " a DB in state '"
                    + s.status() + "'");
        }
        if (stop) {
            boolean autoStarted = r.tag(STOPPED_BY).isPresent();
            if (!step.dryRun()) {
                // tag first: a crash after the stop must still know bella stopped it
                rds.addTagsToResource(b -> b.resourceName(r.arn()).tags(tag(STOPPED_BY, "schedule"),
                        tag(ScheduledResource.SINCE_TAG, step.now().toString())));
                if (r.kind() == ScheduledResource.Kind.RDS_CLUSTER) {
                    rds.stopDBCluster(b -> b.dbClusterIdentifier(r.name()));
                } else {
                    rds.stopDBInstance(b -> b.dbInstanceIdentifier(r.name()));
                }
                storeHold(step);
            }
            return step.changed(before, "stop", autoStarted ? ResourceResult.Outcome.RESTOPPED_AFTER_AUTO_START
                    : ResourceResult.Outcome.CHANGED, autoStarted ? "available again while scheduled off: AWS's "
                    + "automatic start after 7 days stopped; stopped again" : "stopping");
        }
        if (!step.dryRun()) {
            if (r.kind() == ScheduledResource.Kind.RDS_CLUSTER) {
                rds.startDBCluster(b -> b.dbClusterIdentifier(r.name()));
            } else {
                rds.startDBInstance(b -> b.dbInstanceIdentifier(r.name()));
            }
            rds.addTagsToResource(b -> b.resourceName(r.arn()).tags(tag(ScheduledResource.SINCE_TAG, step.now().toString())));
            rds.removeTagsFromResource(b -> b.resourceName(r.arn()).tagKeys(STOPPED_BY));
            storeHold(step);
        }
        return step.changed(before, "start", ResourceResult.Outcome.CHANGED, "starting");
    }

    private void storeHold(Step step) {
        step.hold().filter(h -> !h.tagValue().equals(step.resource().tags().get(StateOverride.TAG)))
                .filter(h -> !step.dryRun())
                .ifPresent(h -> rds.addTagsToResource(b -> b.resourceName(step.resource().arn())
                        .tags(tag(StateOverride.TAG, h.tagValue()))));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
