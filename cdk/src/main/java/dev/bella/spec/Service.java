package dev.bella.spec;

/**
 * The ECS Fargate service.
 *
 * @param cpu        task CPU units (1024 = 1 vCPU)
 * @param memory     task memory in MiB
 * @param desired    baseline task count, what runs when nothing scales
 * @param spotWeight percent of tasks placed on FARGATE_SPOT (0-100)
 * @param port       the container port the webhooks reach
 * @param healthCheckPath the HTTP path the load balancer probes
 */
public record Service(int cpu, int memory, Architecture architecture, int desired, Autoscaling autoscaling,
                      int spotWeight, int port, String healthCheckPath) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/health";

    /** The service with the default port and health check path. */
    public Service(int cpu, int memory, Architecture architecture, int desired, Autoscaling autoscaling,
                   int spotWeight) {
        this(cpu, memory, architecture, desired, autoscaling, spotWeight, DEFAULT_PORT, DEFAULT_HEALTH_CHECK_PATH);
    }
}
