package dev.bella.estimate;

import java.math.BigDecimal;

/**
 * The part of an account-wide monthly free allowance (CloudWatch Logs, data transfer out) that one
 * environment gets. AWS applies these once per account, so they are shared among environments in
 * proportion to their usage rather than granted to each.
 */
record FreeAllowance(BigDecimal logsIngestionGb, BigDecimal logsStorageGb, BigDecimal dataOutGb) {

    static final FreeAllowance NONE = new FreeAllowance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
}
