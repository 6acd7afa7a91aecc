package dev.bella.schedule;

import dev.bella.spec.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * An ECS service is stopped by saving its desired count and its auto-scaling bounds in tags, lowering
 * the scalable target's minimum to 0 with scale-out suspended (else Application Auto Scaling would
 * start tasks again), then setting the desired count to 0. The tags are written first, so a run that
 * dies half-way never loses them; they are never overwritten while present, so a second stop of a
 * service already at 0 keeps the real values. Start restores exactly what was saved, then removes them.
 */
final class EcsServiceScheduler implements ResourceScheduler {

    static final String PREV_DESIRED = "bella:prev-desired";
    static final String PREV_MIN = "bella:prev-min";
    static final String PREV_MAX = "bella:prev-max";
    /** Which kinds of scaling were already suspended before bella stopped the service, restored as they were. */
    static final String PREV_SUSPENDED = "bella:prev-suspended";

    private final EcsClient ecs;
    private final ApplicationAutoScalingClient autoScaling;
    private final Service defaults;
    private final ResourceStates states;

    EcsServiceScheduler(EcsClient ecs, ApplicationAutoScalingClient autoScaling, Service defaults, ResourceStates states) {
        this.ecs = ecs;
        this.autoScaling = autoScaling;
        this.defaults = defaults;
        this.states = states;
    }

    record Ids(String cluster, String service) {
        String scalingId() {
            return "service/" + cluster + "/" + service;
        }
    }

    /** From arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/SERVICE; empty for the old format without the cluster. */
    static Optional<Ids> ids(ScheduledResource r) {
        String[] path = r.arn().substring(r.arn().indexOf(":service/") + 1).split("/");
        return path.length == 3 ? Optional.of(new Ids(path[1], path[2])) : Optional.empty();
    }

    private static Ids requireIds(ScheduledResource r) {
        return ids(r).orElseThrow(() -> new ScheduleConfigException(r.arn() + ": an ECS service ARN without its cluster "
                + "(old ARN format); opt in to the long ARN format (ecs put-account-setting serviceLongArnFormat)"));
    }

    @java.lang.Override
    public String actual(ScheduledResource r) {
        int desired = desiredCount(requireIds(r));
        return desired > 0 ? "running (desired " + desired + ")" : "stopped (desired 0)";
    }

    private int desiredCount(Ids ids) {
        return states.desiredCount(ids.cluster(), ids.service()).orElseGet(() -> describe(ids));
    }

    private int describe(Ids ids) {
        var out = ecs.describeServices(b -> b.cluster(ids.cluster()).services(ids.service()));
        if (out.services().isEmpty()) {
            String reason = out.failures().isEmpty() ? "MISSING" : out.failures().getFirst().reason();
            throw new ResourceFailure(reason, "ECS reports the service as " + reason);
        }
        return out.services().getFirst().desiredCount();
    }

    private Optional<ScalableTarget> target(Ids ids) {
        return states.target(ids.scalingId()).orElseGet(() -> autoScaling.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceIds(ids.scalingId()).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT))
                .scalableTargets().stream().findFirst());
    }

    @java.lang.Override
    public ResourceResult apply(Step step) {
        Ids ids = requireIds(step.resource());
        int desired = desiredCount(ids);
        Optional<ScalableTarget> target = target(ids);
        String before = "desired " + desired + target.map(t -> ", min " + t.minCapacity() + ", max " + t.maxCapacity()).orElse("");
        return step.desired() == DesiredState.STOPPED ? stop(step, ids, desired, target, before)
                : start(step, ids, desired, target, before);
    }

    private ResourceResult stop(Step step, Ids ids, int desired, Optional<ScalableTarget> target, String before) {
        ScheduledResource r = step.resource();
        boolean saved = r.tag(PREV_DESIRED).isPresent();
        // scheduled scaling too: a morning scheduled action would otherwise raise the minimum of a stopped service
        boolean scalingStopped = target.map(t -> t.minCapacity() == 0 && suspendedOut(t) && suspendedScheduled(t))
                .orElse(true);
        if (desired == 0 && scalingStopped && holdStored(step)) {
            return step.result(before, "none", ResourceResult.Outcome.CONVERGED, "already stopped");
        }
        List<String> actions = new ArrayList<>();
        if (!step.dryRun()) {
            List<Tag> tags = new ArrayList<>();
            if (!saved && desired > 0) {
                // a service found at 0 with nothing saved (stopped by hand) keeps no prev-desired: start uses the spec
                tags.add(tag(PREV_DESIRED, desired));
                target.ifPresent(t -> {
                    tags.add(tag(PREV_MIN, t.minCapacity()));
                    tags.add(tag(PREV_MAX, t.maxCapacity()));
                    tags.add(Tag.builder().key(PREV_SUSPENDED).value(Suspension.of(t.suspendedState()).tagValue()).build());
                });
            }
            step.hold().ifPresent(h -> tags.add(Tag.builder().key(StateOverride.TAG).value(h.tagValue()).build()));
            if (!tags.isEmpty() || desired > 0) {
                tags.add(Tag.builder().key(ScheduledResource.SINCE_TAG).value(step.now().toString()).build());
                step.write("tags " + tags.stream().map(Tag::key).toList(),
                        () -> ecs.tagResource(b -> b.resourceArn(r.arn()).tags(tags)));
            }
        }
        actions.add(saved || desired == 0 ? "kept saved values" : "saved desired " + desired + " in tags");
        if (target.isPresent() && !scalingStopped) {
            String what = "scaling min 0, scale-out and scheduled scaling suspended";
            if (!step.dryRun()) {
                // scale-in keeps its state: it cannot start tasks, and a person may have suspended it on purpose
                boolean in = Suspension.of(target.get().suspendedState()).in();
                step.write(what, () -> autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ids.scalingId()).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(0).maxCapacity(target.get().maxCapacity())
                        .suspendedState(SuspendedState.builder().dynamicScalingInSuspended(in)
                                .dynamicScalingOutSuspended(true).scheduledScalingSuspended(true).build())));
            }
            actions.add(what);
        }
        if (desired > 0) {
            if (!step.dryRun()) {
                step.write("desired 0", () -> ecs.updateService(b -> b.cluster(ids.cluster()).service(ids.service())
                        .desiredCount(0)));
            }
            actions.add("desired 0");
        }
        return step.changed(before, String.join("; ", actions), ResourceResult.Outcome.CHANGED, "stopped");
    }

    private ResourceResult start(Step step, Ids ids, int desired, Optional<ScalableTarget> target, String before) {
        ScheduledResource r = step.resource();
        boolean saved = r.tag(PREV_DESIRED).isPresent();
        boolean scalingSuspended = target.map(t -> suspendedOut(t) || suspendedScheduled(t)).orElse(false);
        if (desired > 0 && !saved && !scalingSuspended && holdStored(step)) {
            return step.result(before, "none", ResourceResult.Outcome.CONVERGED, "already running");
        }
        // a service someone started by hand (running, nothing saved) keeps its count; only scaling resumes
        boolean restoreCount = saved || desired == 0;
        List<String> flags = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> used = restoreCount ? flags : ignored;
        int restore = intTag(r, PREV_DESIRED, defaults.desired(), used);
        int min = intTag(r, PREV_MIN, defaults.autoscaling().min(), used);
        int max = intTag(r, PREV_MAX, defaults.autoscaling().max(), used);
        List<String> actions = new ArrayList<>();
        if (restoreCount && desired != restore) {
            if (!step.dryRun()) {
                step.write("desired " + restore, () -> ecs.updateService(b -> b.cluster(ids.cluster())
                        .service(ids.service()).desiredCount(restore)));
            }
            actions.add("desired " + restore);
        }
        if (target.isPresent()) {
            // exactly what was suspended before bella stopped the service stays suspended; the rest resumes
            Suspension keep = Suspension.fromTag(r.tag(PREV_SUSPENDED), used);
            String what = "scaling min " + min + ", max " + max + ", " + keep.resumedText();
            if (!step.dryRun()) {
                step.write(what, () -> autoScaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ids.scalingId()).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(min).maxCapacity(max).suspendedState(keep.state())));
            }
            actions.add(what);
        }
        if (!step.dryRun()) {
            List<Tag> tags = new ArrayList<>(List.of(Tag.builder().key(ScheduledResource.SINCE_TAG)
                    .value(step.now().toString()).build()));
            step.hold().ifPresent(h -> tags.add(Tag.builder().key(StateOverride.TAG).value(h.tagValue()).build()));
            step.write("tags " + tags.stream().map(Tag::key).toList(),
                    () -> ecs.tagResource(b -> b.resourceArn(r.arn()).tags(tags)));
            List<String> drop = r.tags().keySet().stream().filter(k -> k.equals(PREV_DESIRED) || k.equals(PREV_MIN)
                    || k.equals(PREV_MAX) || k.equals(PREV_SUSPENDED)).toList();
            if (!drop.isEmpty()) {
                step.write("removed tags " + drop, () -> ecs.untagResource(b -> b.resourceArn(r.arn()).tagKeys(drop)));
            }
        }
        String detail = flags.isEmpty() ? "started" : "started; " + String.join(", ", flags);
        return step.changed(before, String.join("; ", actions), ResourceResult.Outcome.CHANGED, detail);
    }

    /** A hold (--until) asked for is already on the resource: nothing to write for it. */
    private static boolean holdStored(Step step) {
        return step.hold().map(h -> h.tagValue().equals(step.resource().tags().get(StateOverride.TAG))).orElse(true);
    }

    private static boolean suspendedOut(ScalableTarget t) {
        return Suspension.of(t.suspendedState()).out();
    }

    private static boolean suspendedScheduled(ScalableTarget t) {
        return Suspension.of(t.suspendedState()).scheduled();
    }

    private static int intTag(ScheduledResource r, String key, int fallback, List<String> flags) {
        Optional<String> v = r.tag(key);
        if (v.isEmpty()) {
            flags.add(key + " missing: spec default " + fallback);
            return fallback;
        }
        try {
            return Integer.parseInt(v.get().trim());
        } catch (NumberFormatException e) {
            flags.add(key + " '" + v.get() + "' unreadable: spec default " + fallback);
            return fallback;
        }
    }

    private static Tag tag(String key, int value) {
        return Tag.builder().key(key).value(Integer.toString(value)).build();
    }
}
