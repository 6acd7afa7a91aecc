package dev.bella.rightsize;

/** The verdict on one resource, with the same words AWS Compute Optimizer uses. */
public enum Finding {
    OVER_PROVISIONED("over-provisioned"),
    UNDER_PROVISIONED("under-provisioned"),
    OPTIMIZED("optimized"),
    INSUFFICIENT_DATA("insufficient-data");

    public final String id;

    Finding(String id) {
        this.id = id;
    }
}
