package dev.bella.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.applicationautoscaling.model.SuspendedState;

/**
 * Which kinds of Application Auto Scaling activity are suspended on a scalable target: dynamic scale-in,
 * dynamic scale-out, scheduled actions. Saved in the {@code bella:prev-suspended} tag when bella stops a
 * service (as {@code in,out,scheduled} or {@code none}), so a start resumes only what bella suspended.
 */
record Suspension(boolean in, boolean out, boolean scheduled) {

    static final Suspension NONE = new Suspension(false, false, false);

    static Suspension of(SuspendedState s) {
        return s == null ? NONE : new Suspension(Boolean.TRUE.equals(s.dynamicScalingInSuspended()),
                Boolean.TRUE.equals(s.dynamicScalingOutSuspended()), Boolean.TRUE.equals(s.scheduledScalingSuspended()));
    }

    String tagValue() {
        List<String> parts = new ArrayList<>();
        if (in) {
            parts.add("in");
        }
        if (out) {
            parts.add("out");
        }
        if (scheduled) {
            parts.add("scheduled");
        }
        return parts.isEmpty() ? "none" : String.join(",", parts);
    }

    /** The tag's value; without the tag (a service bella stopped before it saved this) everything resumes. */
    static Suspension fromTag(Optional<String> tag, List<String> flags) {
        if (tag.isEmpty()) {
            flags.add(EcsServiceScheduler.PREV_SUSPENDED + " missing: all scaling resumed");
            return NONE;
        }
        List<String> parts = List.of(tag.get().trim().split("\\s*,\\s*"));
        if (!parts.equals(List.of("none")) && !List.of("in", "out", "scheduled").containsAll(parts)) {
            flags.add(EcsServiceScheduler.PREV_SUSPENDED + " '" + tag.get() + "' unreadable: all scaling resumed");
            return NONE;
        }
        return new Suspension(parts.contains("in"), parts.contains("out"), parts.contains("scheduled"));
    }

    SuspendedState state() {
        return SuspendedState.builder().dynamicScalingInSuspended(in).dynamicScalingOutSuspended(out)
                .scheduledScalingSuspended(scheduled).build();
    }

    String resumedText() {
        return equals(NONE) ? "resumed" : "resumed; still suspended as before: " + tagValue();
    }
}
