package dev.bella.estimate;

import dev.bella.spec.Service;
import java.math.BigDecimal;

/**
 * The estimate's quantities other pricers need to share (so an alternative runs the same number of
 * task-hours as the estimate it is compared with), without opening the estimator itself.
 */
public final class EnvironmentQuantities {

    private EnvironmentQuantities() {
    }

    /** Task-hours: the baseline count all running hours, plus the peak profile's extra tasks. */
    public static BigDecimal taskHours(Service service, BigDecimal runningHours) {
        return EnvironmentEstimator.taskHours(service, runningHours);
    }
}
