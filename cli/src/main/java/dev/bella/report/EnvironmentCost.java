package dev.bella.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One environment's month. Totals are exact sums of the lines rounded to the cent once; {@code aws} is AWS
 * alone, never another cloud of a multi-provider FOCUS file (those are {@link #otherClouds()}).
 *
 * @param runningHours hours the environment's scheduled resources run in the period
 * @param calls        calls handled in the period (for cost per call)
 */
public record EnvironmentCost(String name, BigDecimal runningHours, long calls, List<CategoryCost> categories) {

    public EnvironmentCost {
        categories = List.copyOf(categories);
    }

    public BigDecimal aws() {
        return Money.cents(awsExact());
    }

    public BigDecimal thirdParty() {
        return Money.cents(thirdPartyExact());
    }

    /** Cloud charges of providers other than AWS (a multi-provider FOCUS file). */
    public BigDecimal otherClouds() {
        return Money.cents(otherCloudsExact());
    }

    public BigDecimal total() {
        return Money.cents(totalExact());
    }

    public BigDecimal awsExact() {
        return exact(c -> c.isAws(), LineItem::isAws);
    }

    public BigDecimal thirdPartyExact() {
        return exact(c -> !c.isAws(), i -> true);
    }

    public BigDecimal otherCloudsExact() {
        return exact(c -> c.isAws(), i -> !i.isAws());
    }

    public BigDecimal totalExact() {
        return exact(c -> true, i -> true);
    }

    /** Exact spend per provider ({@code aws}, {@code microsoft}, {@code twilio}, ...). */
    public Map<String, BigDecimal> byProviderExact() {
        Map<String, BigDecimal> out = new TreeMap<>();
        categories.forEach(c -> c.items().forEach(i -> out.merge(i.provider(), i.amount(), BigDecimal::add)));
        return out;
    }

    public Optional<CategoryCost> category(Category c) {
        return categories.stream().filter(x -> x.category() == c).findFirst();
    }

    private BigDecimal exact(Predicate<Category> category, Predicate<LineItem> item) {
        return categories.stream().filter(c -> category.test(c.category())).flatMap(c -> c.items().stream())
                .filter(item).map(LineItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
