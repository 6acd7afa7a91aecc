package dev.bella.spec;

import java.util.Optional;

/**
 * The ECS Fargate service.
 *
 * @param cpu        task CPU units (1024 = 1 vCPU)
 * @param memory     task memory in MiB
 * @param desired    baseline task count, what runs when nothing scales
 * @param spotWeight percent of tasks placed on FARGATE_SPOT (0-100)
 * @param port       the container port the webhooks reach
 * @param healthCheckPath the HTTP path the load balancer probes
 * @param rightsize  floors `bella cost rightsize` never recommends below
 */
public record Service(int cpu, int memory, Architecture architecture, int desired, Autoscaling autoscaling,
                      int spotWeight, int port, String healthCheckPath, RightsizeFloors rightsize) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/health";

    /** The service with the default port, health check path and no rightsizing floors. */
    public Service(int cpu, int memory, Architecture architecture, int desired, Autoscaling autoscaling,
                   int spotWeight) {
        this(cpu, memory, architecture, desired, autoscaling, spotWeight, DEFAULT_PORT, DEFAULT_HEALTH_CHECK_PATH,
                RightsizeFloors.NONE);
    }

    /**
     * The smallest task a rightsizing may recommend: a service may need more than its metrics show (a
     * JVM's start-up burst, a known seasonal peak outside the lookback).
     */
    public record RightsizeFloors(Optional<Integer> minCpu, Optional<Integer> minMemory) {
        public static final RightsizeFloors NONE = new RightsizeFloors(Optional.empty(), Optional.empty());
    }
}
