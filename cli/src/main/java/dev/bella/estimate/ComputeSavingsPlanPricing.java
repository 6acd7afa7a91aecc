package dev.bella.estimate;

import static dev.bella.prices.PriceKeys.fargateGbHour;
import static dev.bella.prices.PriceKeys.fargateSavingsPlanGbHour;
import static dev.bella.prices.PriceKeys.fargateSavingsPlanVcpuHour;
import static dev.bella.prices.PriceKeys.fargateVcpuHour;

import dev.bella.prices.PriceTable;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.report.Money;
import dev.bella.spec.ComputeSavingsPlan;
import dev.bella.spec.Environment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an environment's Compute Savings Plan ({@code commitments.compute}) does to its Fargate bill, from the
 * plan's own Fargate rates in the price table (never a ratio of on-demand). The commitment is billed every hour of
 * the period, running or not; in each running hour it buys on-demand Fargate usage (the estimate's on-demand vCPU
 * and GB hours, spread evenly over the running hours) at the plan's rates, up to the commitment. So the estimate
 * shows two lines: the commitment, and the on-demand value of the usage it covers as a credit; their sum is what
 * the plan saves (negative) or wastes.
 */
final class ComputeSavingsPlanPricing {

    private static final MathContext MC = MathContext.DECIMAL64;

    private ComputeSavingsPlanPricing() {
    }

    static EnvironmentCost apply(Environment env, EnvironmentCost cost, PriceTable prices, BigDecimal periodHours) {
        Optional<ComputeSavingsPlan> plan = env.commitments().compute();
        Optional<CategoryCost> compute = cost.category(Category.COMPUTE);
        if (plan.isEmpty() || compute.isEmpty()) {
            return cost;
        }
        ComputeSavingsPlan p = plan.get();
        String arch = env.service().architecture().id();
        BigDecimal vcpuHours = quantity(compute.get(), "fargate-vcpu");
        BigDecimal gbHours = quantity(compute.get(), "fargate-memory");
        String vcpuKey = fargateSavingsPlanVcpuHour(arch, p.term(), p.payment());
        BigDecimal onDemand = vcpuHours.multiply(prices.price(fargateVcpuHour(arch)))
                .add(gbHours.multiply(prices.price(fargateGbHour(arch))));
        BigDecimal atPlanRates = vcpuHours.multiply(prices.price(vcpuKey))
                .add(gbHours.multiply(prices.price(fargateSavingsPlanGbHour(arch, p.term(), p.payment()))));
        BigDecimal running = cost.runningHours();
        List<LineItem> lines = new ArrayList<>(compute.get().items());
        String what = "$" + p.usdPerHour().stripTrailingZeros().toPlainString() + "/hour, " + p.term() + " " + p.payment();
        lines.add(new LineItem("compute-savings-plan", "Compute Savings Plan commitment (" + what + "), every hour",
                periodHours, "hours", p.usdPerHour(), Money.cents(p.usdPerHour().multiply(periodHours)), Optional.empty()));
        if (running.signum() > 0 && atPlanRates.signum() > 0) {
            // per running hour: the plan pays for usage at its rates up to the commitment
            BigDecimal usagePerHour = atPlanRates.divide(running, MC);
            BigDecimal coveredAtPlanRates = usagePerHour.min(p.usdPerHour());
            BigDecimal coveredOnDemand = coveredAtPlanRates.multiply(onDemand.divide(atPlanRates, MC), MC);
            lines.add(new LineItem("fargate-covered-by-savings-plan", "Fargate usage the plan covers, at on-demand prices "
                    + "(rates: " + vcpuKey + ")", running, "hours", coveredOnDemand.negate(),
                    Money.cents(coveredOnDemand.multiply(running).negate()), Optional.of(vcpuKey)));
        }
        List<CategoryCost> categories = new ArrayList<>();
        for (CategoryCost c : cost.categories()) {
            categories.add(c.category() == Category.COMPUTE ? CategoryCost.of(Category.COMPUTE, lines) : c);
        }
        return new EnvironmentCost(cost.name(), cost.runningHours(), cost.calls(), categories);
    }

    private static BigDecimal quantity(CategoryCost c, String id) {
        return c.items().stream().filter(i -> i.id().equals(id)).map(LineItem::quantity).findFirst().orElse(BigDecimal.ZERO);
    }
}
