package dev.bella.estimate;

import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of an account-wide monthly free allowance (CloudWatch Logs, data transfer out) that one
 * environment gets. AWS applies these once per account, so they are shared among environments in
 * proportion to their usage rather than granted to each.
 */
record FreeAllowance(BigDecimal logsIngestionGb, BigDecimal logsStorageGb, BigDecimal dataOutGb) {

    static final FreeAllowance NONE = new FreeAllowance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** What one environment uses of what the allowances cover, per month. */
    record Use(BigDecimal logGb, BigDecimal storedLogGb, BigDecimal dataOutGb) {
    }

    /** Each environment's share of the allowances, in the order of {@code uses}. */
    static List<FreeAllowance> share(PriceTable prices, BigDecimal monthShare, List<Use> uses) {
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal freeLogs = prices.price(PriceKeys.LOGS_FREE_GB).multiply(monthShare);
        BigDecimal freeOut = prices.price(PriceKeys.DATA_TRANSFER_OUT_FREE_GB).multiply(monthShare);
        BigDecimal logs = BigDecimal.ZERO;
        BigDecimal stored = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        for (Use u : uses) {
            logs = logs.add(u.logGb());
            stored = stored.add(u.storedLogGb());
            out = out.add(u.dataOutGb());
        }
        List<FreeAllowance> shares = new ArrayList<>();
        for (Use u : uses) {
            shares.add(new FreeAllowance(part(freeLogs, u.logGb(), logs, mc), part(freeLogs, u.storedLogGb(), stored, mc),
                    part(freeOut, u.dataOutGb(), out, mc)));
        }
        return shares;
    }

    private static BigDecimal part(BigDecimal free, BigDecimal part, BigDecimal whole, MathContext mc) {
        return whole.signum() == 0 ? BigDecimal.ZERO : free.multiply(part).divide(whole, mc);
    }
}
