package dev.bella.spec;

import java.time.Duration;

/**
 * How an environment with a {@code schedule} is reconciled: every {@code every}, an EventBridge Scheduler
 * schedule runs {@code bella cost schedule-dev run} from the CLI {@code image} as a one-off ECS task; the
 * command works out itself whether the environment should be up now, so a missed run is repaired by the next.
 */
public record Scheduler(Image image, Duration every) {

    /**
     * The task's size, Fargate's smallest: the stack sizes the task definition and the estimate prices its runs
     * from these, so the two cannot disagree.
     */
    public static final int CPU_UNITS = 256;
    public static final int MEMORY_MIB = 512;
}
