package dev.bella.rightsize;

import java.util.Optional;

/**
 * The AWS names of an environment's resources: by default {@code <project>-<env>} for each, as the stacks
 * name them; the CLI's --cluster, --service, --db-instance and --cache-cluster override them.
 */
public record LiveTargets(String cluster, String service, String dbInstance, Optional<String> cacheCluster) {

    public static LiveTargets defaults(String project, String env, boolean hasCache) {
        String name = project + "-" + env;
        return new LiveTargets(name, name, name, hasCache ? Optional.of(name) : Optional.empty());
    }
}
