package dev.bella.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * Target tracking on CPU. {@code peak} is an optional profile of extra tasks the estimate adds on top
 * of the baseline, since target tracking itself says nothing about how often it scales out.
 */
public record Autoscaling(int min, int max, int targetCpu, Duration scaleOutCooldown, Duration scaleInCooldown,
                          Optional<Peak> peak) {

    /** {@code extraTasks} more than desired, for {@code hoursPerMonth} hours a month. */
    public record Peak(int extraTasks, int hoursPerMonth) {
    }
}
