package dev.bella.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One environment's month.
 *
 * @param runningHours hours the environment's scheduled resources run in the period
 * @param calls        calls handled in the period (for cost per call)
 */
public record EnvironmentCost(String name, BigDecimal runningHours, long calls, List<CategoryCost> categories) {

    public EnvironmentCost {
        categories = List.copyOf(categories);
    }

    public BigDecimal aws() {
        return Money.sum(categories.stream().filter(c -> c.category().isAws()).toList(), CategoryCost::subtotal);
    }

    public BigDecimal thirdParty() {
        return Money.sum(categories.stream().filter(c -> !c.category().isAws()).toList(), CategoryCost::subtotal);
    }

    public BigDecimal total() {
        return Money.sum(categories, CategoryCost::subtotal);
    }

    public Optional<CategoryCost> category(Category c) {
        return categories.stream().filter(x -> x.category() == c).findFirst();
    }
}
