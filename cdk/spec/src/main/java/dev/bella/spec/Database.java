package dev.bella.spec;

/** The RDS instance; {@code engineVersion} is a major version, RDS picks its current minor. */
public record Database(String engine, String instanceClass, int storageGb, String storageType, boolean multiAz,
                       int backupRetentionDays, String engineVersion) {

    public static final String DEFAULT_ENGINE_VERSION = "16";

    public Database(String engine, String instanceClass, int storageGb, String storageType, boolean multiAz,
                    int backupRetentionDays) {
        this(engine, instanceClass, storageGb, storageType, multiAz, backupRetentionDays, DEFAULT_ENGINE_VERSION);
    }

    public String deployment() {
        return multiAz ? "multi-az" : "single-az";
    }
}
