package dev.bella.spec;

/**
 * The ECS Fargate service.
 *
 * @param cpu        task CPU units (1024 = 1 vCPU)
 * @param memory     task memory in MiB
 * @param desired    baseline task count, what runs when nothing scales
 * @param spotWeight percent of tasks placed on FARGATE_SPOT (0-100)
 */
public record Service(int cpu, int memory, Architecture architecture, int desired, Autoscaling autoscaling,
                      int spotWeight) {
}
