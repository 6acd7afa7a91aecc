package dev.bella.spec;

/** The RDS instance. */
public record Database(String engine, String instanceClass, int storageGb, String storageType, boolean multiAz,
                       int backupRetentionDays) {

    public String deployment() {
        return multiAz ? "multi-az" : "single-az";
    }
}
