package dev.bella.spec;

import java.util.Optional;

/**
 * One deployable copy of the service (prod, dev, ...). {@code usage} is the spec's usage with this
 * environment's overrides applied: a dev environment takes a handful of test calls, not production's.
 */
public record Environment(String name, boolean protectedEnv, Service service, Ingress ingress, Network network,
                          Database database, Cache cache, Logs logs, Commitments commitments,
                          Optional<String> schedule, Usage usage) {
}
