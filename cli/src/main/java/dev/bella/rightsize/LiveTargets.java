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

    /** These names with each non-null argument in place of its default. */
    public LiveTargets with(String cluster, String service, String dbInstance, String cacheCluster) {
        return new LiveTargets(cluster != null ? cluster : this.cluster, service != null ? service : this.service,
                dbInstance != null ? dbInstance : this.dbInstance,
                cacheCluster != null ? Optional.of(cacheCluster) : this.cacheCluster);
    }
}
