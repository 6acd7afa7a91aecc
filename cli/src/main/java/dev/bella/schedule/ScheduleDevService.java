package dev.bella.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reconciles the scheduled environment's resources to the desired state now: the schedule's (run),
 * or an explicit stop or start. Each resource is handled on its own, with bounded parallelism; a failure
 * is reported on its line and the others go on. No lock is held: every call is idempotent and each
 * decision starts from what AWS reports, so an overlapping second run sees the first one's result.
 */
public final class ScheduleDevService {

    /** What the run wants: the schedule's state, or a forced one. */
    public enum Intent { SCHEDULE, STOP, START }

    private final AwsPorts aws;
    private final ScheduledEnvironment env;
    private final Clock clock;
    private final int parallelism;

    public ScheduleDevService(AwsPorts aws, ScheduledEnvironment env, Clock clock, int parallelism) {
        if (parallelism < 1 || parallelism > 64) {
            throw new ScheduleConfigException("--parallelism: expected 1 to 64, found " + parallelism);
        }
        this.aws = aws;
        this.env = env;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /**
     * @param at      the instant to decide for (now for run/stop/start; plan's --at)
     * @param until   stop/start: hold the state until then (stored as each resource's override tag);
     *                run/plan: a global override that wins over the resources' tags
     * @param named   ARNs given with --resource; empty means every tagged resource of the environment
     */
    public RunReport reconcile(Intent intent, Instant at, Optional<StateOverride> until, boolean dryRun, List<String> named) {
        List<ScheduledResource> resources = resources(named);
        ResourceStates states = states(resources);
        Step.Mode mode = dryRun ? Step.Mode.DRY_RUN : Step.Mode.APPLY;
        Optional<StateOverride> hold = intent == Intent.SCHEDULE ? Optional.empty() : until;
        List<ResourceResult> results = parallel(resources, r -> {
            Optional<ResourceResult> refused = refusal(r);
            if (refused.isPresent()) {
                return refused.get();
            }
            Journal journal = new Journal();
            try {
                Decision decision = decide(intent, r, at, until);
                return scheduler(r, states).apply(new Step(r, decision, mode, now(), hold, journal));
            } catch (RuntimeException e) {
                return failure(r, e, journal.describe());
            }
        });
        return new RunReport(env.name(), at, dryRun, results);
    }

    /** Each resource's desired and actual state, and the schedule's next transition. */
    public StatusReport status(Optional<StateOverride> until, List<String> named) {
        Instant now = now();
        List<ScheduledResource> resources = resources(named);
        ResourceStates states = states(resources);
        List<StatusReport.Line> lines = parallel(resources, r -> {
            if (refusal(r).isPresent()) {
                return new StatusReport.Line(r.label(), "-", "refused", "not read: " + refusal(r).get().detail(),
                        Optional.empty(), Optional.empty());
            }
            try {
                Decision d = decide(Intent.SCHEDULE, r, now, until);
                String actual = scheduler(r, states).actual(r);
                return new StatusReport.Line(r.label(), d.desired().key(), d.reason().key(), actual,
                        r.tag(ScheduledResource.SINCE_TAG), d.nextTransition());
            } catch (RuntimeException e) {
                ResourceResult f = failure(r, e, "none");
                return new StatusReport.Line(r.label(), "-", "error", f.errorCode().orElse("") + ": " + f.detail(),
                        Optional.empty(), Optional.empty());
            }
        });
        return new StatusReport(env.name(), now, env.calendar().at(now, until, Reason.UNTIL), lines);
    }

    /** Whole seconds: the instant lands in tags and reports, where nanoseconds are noise. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private List<ScheduledResource> resources(List<String> named) {
        Discovery discovery = new Discovery(aws.tagging());
        List<ScheduledResource> found = named.isEmpty() ? discovery.tagged(env.name()) : discovery.named(named);
        // a cluster and the snapshot bella took of it are one line, the cluster's; a snapshot bella did not
        // take (no bella:cache-of tag) is not a resource to schedule
        java.util.Set<String> clusters = new java.util.HashSet<>();
        found.stream().filter(r -> r.kind() == ScheduledResource.Kind.CACHE).forEach(r -> clusters.add(r.name()));
        return found.stream().filter(r -> r.kind() != ScheduledResource.Kind.CACHE_SNAPSHOT
                || r.tag(CacheScheduler.CACHE_OF).filter(c -> !clusters.contains(c)).isPresent()).toList();
    }

    private Decision decide(Intent intent, ScheduledResource r, Instant at, Optional<StateOverride> until) {
        return switch (intent) {
            case STOP, START -> {
                DesiredState s = intent == Intent.STOP ? DesiredState.STOPPED : DesiredState.RUNNING;
                yield new Decision(at, s, until.isPresent() ? Reason.UNTIL : Reason.MANUAL, until.map(StateOverride::until));
            }
            case SCHEDULE -> until.filter(u -> u.activeAt(at)).isPresent()
                    ? env.calendar().at(at, until, Reason.UNTIL)
                    : env.calendar().at(at, r.tag(StateOverride.TAG).map(StateOverride::parse), Reason.OVERRIDE);
        };
    }

    /** Only this environment's resources are touched: another environment's, or production's, never. */
    private Optional<ResourceResult> refusal(ScheduledResource r) {
        String tagged = r.tag(ScheduledResource.ENVIRONMENT_TAG).orElse("");
        String lower = tagged.toLowerCase(Locale.ROOT);
        String why = null;
        if (lower.equals("prod") || lower.equals("production")) {
            why = "tagged Environment=" + tagged + ": production is never scheduled";
        } else if (tagged.isEmpty()) {
            why = "no Environment tag: cannot prove it belongs to " + env.name();
        } else if (!tagged.equals(env.name())) {
            why = "tagged Environment=" + tagged + ", not " + env.name();
        }
        return Optional.ofNullable(why).map(w -> new ResourceResult(r.label(), Optional.empty(), "-", "-", "none",
                ResourceResult.Outcome.REFUSED, Optional.of("other-environment"), w));
    }

    /** The state of every resource this run may touch (refused ones are not even read). */
    private ResourceStates states(List<ScheduledResource> resources) {
        List<ScheduledResource> ours = resources.stream().filter(r -> refusal(r).isEmpty()).toList();
        var quiet = ResourceStates.Parallel.quiet();
        return ResourceStates.read(aws, ours, tasks -> parallel(tasks, t -> {
            quiet.accept(t);
            return null;
        }));
    }

    private ResourceScheduler scheduler(ScheduledResource r, ResourceStates states) {
        return switch (r.kind()) {
            case ECS_SERVICE -> new EcsServiceScheduler(aws.ecs(), aws.autoScaling(), env.environment().service(), states);
            case RDS_INSTANCE, RDS_CLUSTER -> new RdsScheduler(aws.rds(), states);
            case CACHE, CACHE_SNAPSHOT -> new CacheScheduler(aws.cache(), env.schedule().cache(), env.name());
        };
    }

    /** @param action what the step wrote before it failed ({@link Journal#describe()}), "none" when nothing */
    private static ResourceResult failure(ScheduledResource r, RuntimeException e, String action) {
        ResourceResult.Outcome outcome = ResourceResult.Outcome.FAILED;
        String code;
        String detail = firstLine(e.getMessage());
        switch (e) {
            case AwsServiceException a -> {
                code = a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null
                        ? a.awsErrorDetails().errorCode() : "HTTP " + a.statusCode();
                // the SDK already retried with backoff: still throttled means try again on the next run
                if (a.isThrottlingException()) {
                    outcome = ResourceResult.Outcome.PENDING;
                }
                detail = a.awsErrorDetails() != null && a.awsErrorDetails().errorMessage() != null
                        ? a.awsErrorDetails().errorMessage() : detail;
            }
            case SdkClientException c -> {
                code = "network";
                outcome = ResourceResult.Outcome.PENDING;
            }
            case ResourceFailure f -> code = f.code;
            case ScheduleConfigException c -> code = "config";
            case IllegalArgumentException i -> code = "bad-tag";
            default -> code = "internal";
        }
        return new ResourceResult(r.label(), Optional.empty(), "-", "-", action, outcome, Optional.of(code), detail);
    }

    private <X, T> List<T> parallel(List<X> items, Function<X, T> work) {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (X r : items) {
                futures.add(pool.submit(() -> work.apply(r)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
