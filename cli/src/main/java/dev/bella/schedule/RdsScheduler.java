package dev.bella.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
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
            String again = againDetail(r, step.now());
            if (!step.dryRun()) {
                // tag first: a crash after the stop must still know bella stopped it
                step.write("tagged " + STOPPED_BY + ", " + ScheduledResource.SINCE_TAG, () -> rds.addTagsToResource(b ->
                        b.resourceName(r.arn()).tags(tag(STOPPED_BY, "schedule"),
                                tag(ScheduledResource.SINCE_TAG, step.now().toString()))));
                if (r.kind() == ScheduledResource.Kind.RDS_CLUSTER) {
                    step.write("stop", () -> rds.stopDBCluster(b -> b.dbClusterIdentifier(r.name())));
                } else {
                    step.write("stop", () -> rds.stopDBInstance(b -> b.dbInstanceIdentifier(r.name())));
                }
                storeHold(step);
            }
            boolean autoStarted = again != null && again.startsWith(AUTO_START);
            return step.changed(before, "stop", autoStarted ? ResourceResult.Outcome.RESTOPPED_AFTER_AUTO_START
                    : ResourceResult.Outcome.CHANGED, again == null ? "stopping" : again);
        }
        if (!step.dryRun()) {
            if (r.kind() == ScheduledResource.Kind.RDS_CLUSTER) {
                step.write("start", () -> rds.startDBCluster(b -> b.dbClusterIdentifier(r.name())));
            } else {
                step.write("start", () -> rds.startDBInstance(b -> b.dbInstanceIdentifier(r.name())));
            }
            step.write("tagged " + ScheduledResource.SINCE_TAG, () -> rds.addTagsToResource(b -> b.resourceName(r.arn())
                    .tags(tag(ScheduledResource.SINCE_TAG, step.now().toString()))));
            step.write("removed tag " + STOPPED_BY, () -> rds.removeTagsFromResource(b -> b.resourceName(r.arn())
                    .tagKeys(STOPPED_BY)));
            storeHold(step);
        }
        return step.changed(before, "start", ResourceResult.Outcome.CHANGED, "starting");
    }

    static final String AUTO_START = "available again while scheduled off: AWS's automatic start";

    /**
     * Why a DB bella stopped is available while the schedule says stopped, or null when bella never stopped it.
     * AWS starts a stopped DB only after 7 days, so {@code bella:state-since} (written with the stop) tells an
     * automatic start from a person's start, or from a stop call that failed after the tags were written.
     */
    static String againDetail(ScheduledResource r, Instant now) {
        if (r.tag(STOPPED_BY).isEmpty()) {
            return null;
        }
        Optional<Instant> since = r.tag(ScheduledResource.SINCE_TAG).flatMap(RdsScheduler::instant);
        if (since.isEmpty()) {
            return "available again while scheduled off (no readable " + ScheduledResource.SINCE_TAG
                    + ": cannot tell who started it); stopped again";
        }
        Duration stoppedFor = Duration.between(since.get(), now);
        if (stoppedFor.compareTo(AWS_AUTO_START) >= 0) {
            return AUTO_START + " after 7 days stopped; stopped again";
        }
        return "available again " + human(stoppedFor) + " after bella stopped it (" + ScheduledResource.SINCE_TAG + " "
                + since.get() + "), before AWS's 7-day automatic start: started by someone, or the stop did not "
                + "take; stopped again";
    }

    private static final Duration AWS_AUTO_START = Duration.ofDays(7);

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String human(Duration d) {
        return d.toHours() >= 48 ? d.toDays() + " days" : d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private void storeHold(Step step) {
        step.hold().filter(h -> !h.tagValue().equals(step.resource().tags().get(StateOverride.TAG)))
                .filter(h -> !step.dryRun())
                .ifPresent(h -> step.write("tagged " + StateOverride.TAG, () -> rds.addTagsToResource(b ->
                        b.resourceName(step.resource().arn()).tags(tag(StateOverride.TAG, h.tagValue())))));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
