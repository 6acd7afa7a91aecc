package dev.bella.spec;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One deployable copy of the service (prod, dev, ...). {@code usage} is the spec's usage with this
 * environment's overrides applied: a dev environment takes a handful of test calls, not production's.
 *
 * @param image          the booking service's container image
 * @param certificateArn the ACM certificate of the ALB's HTTPS listener (only with {@code ingress: alb})
 * @param alarms         thresholds of the operational alarms
 * @param scheduler      how the {@code schedule} is applied (only used when there is one)
 */
public record Environment(String name, boolean protectedEnv, Service service, Ingress ingress, Network network,
                          Database database, Cache cache, Logs logs, Commitments commitments,
                          Optional<String> schedule, Usage usage, Image image, Optional<String> certificateArn,
                          Alarms alarms, Scheduler scheduler, Optional<URI> publicUrl, Throttle throttle) {

    public static final Alarms DEFAULT_ALARMS = new Alarms(Duration.ofSeconds(3), 5, 80, 2);

    /** Without a {@code throttle} key: {@link Throttle#DEFAULT}. */
    public Environment(String name, boolean protectedEnv, Service service, Ingress ingress, Network network,
                       Database database, Cache cache, Logs logs, Commitments commitments,
                       Optional<String> schedule, Usage usage, Image image, Optional<String> certificateArn,
                       Alarms alarms, Scheduler scheduler, Optional<URI> publicUrl) {
        this(name, protectedEnv, service, ingress, network, database, cache, logs, commitments, schedule, usage,
                image, certificateArn, alarms, scheduler, publicUrl, Throttle.DEFAULT);
    }

    /** The environment with the stack settings' defaults (image {@code bella:latest}, no certificate, ...). */
    public Environment(String name, boolean protectedEnv, Service service, Ingress ingress, Network network,
                       Database database, Cache cache, Logs logs, Commitments commitments,
                       Optional<String> schedule, Usage usage) {
        this(name, protectedEnv, service, ingress, network, database, cache, logs, commitments, schedule, usage,
                new Image("bella", "latest"), Optional.empty(), DEFAULT_ALARMS,
                new Scheduler(new Image("bella-cli", "latest"), Duration.ofMinutes(10)), Optional.empty());
    }

    /** The same environment with other usage assumptions. */
    public Environment withUsage(Usage other) {
        return new Environment(name, protectedEnv, service, ingress, network, database, cache, logs, commitments,
                schedule, other, image, certificateArn, alarms, scheduler, publicUrl);
    }
}
