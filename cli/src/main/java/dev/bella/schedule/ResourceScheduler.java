package dev.bella.schedule;

/** Brings one kind of resource to the desired state; every call it makes is idempotent. */
sealed interface ResourceScheduler permits EcsServiceScheduler, RdsScheduler, CacheScheduler {

    ResourceResult apply(Step step);

    /** What the resource is now, for {@code status}: running, stopped or a transitional word. */
    String actual(ScheduledResource resource);
}
