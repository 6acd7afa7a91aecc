package dev.bella.alternatives;

import dev.bella.estimate.EnvironmentQuantities;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.prices.PriceTable;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One environment as the estimate prices it, and the means to price it otherwise: replace some categories'
 * lines (an alternative the spec cannot express) or re-estimate an edited spec (one it can).
 *
 * @param cost       the environment's current estimate
 * @param reestimate prices the environment on the spec with these edits; empty when they cannot be written
 */
record Context(Spec spec, Environment env, EnvironmentCost cost, EstimatePeriod period, BigDecimal runningHours,
               Assumptions assumptions, Function<List<SpecChange>, Optional<EnvironmentCost>> reestimate) {

    static final MathContext MC = MathContext.DECIMAL64;

    PriceTable prices() {
        return spec.prices();
    }

    BigDecimal periodHours() {
        return period.hours();
    }

    BigDecimal monthShare() {
        return period.hours().divide(EstimatePeriod.AVERAGE_MONTH_HOURS, MC);
    }

    BigDecimal calls() {
        return BigDecimal.valueOf(env.usage().callsPerMonth()).multiply(monthShare());
    }

    BigDecimal requests() {
        return calls().multiply(BigDecimal.valueOf(env.usage().requestsPerCall()));
    }

    /** Hours with a call in progress: calls × minutes per call. */
    BigDecimal callHours() {
        return calls().multiply(env.usage().minutesPerCall()).divide(BigDecimal.valueOf(60), MC);
    }

    BigDecimal taskHours() {
        return EnvironmentQuantities.taskHours(env.service(), runningHours);
    }

    List<LineItem> lines(Category c) {
        return cost.category(c).map(CategoryCost::items).orElse(List.of());
    }

    /** The environment's month with these categories' lines replaced (an empty list drops the category). */
    EnvironmentCost replace(Map<Category, List<LineItem>> replaced) {
        Map<Category, List<LineItem>> all = new EnumMap<>(Category.class);
        cost.categories().forEach(c -> all.put(c.category(), c.items()));
        all.putAll(replaced);
        List<CategoryCost> categories = new ArrayList<>();
        all.forEach((c, items) -> {
            if (!items.isEmpty()) {
                categories.add(CategoryCost.of(c, items));
            }
        });
        return new EnvironmentCost(cost.name(), cost.runningHours(), cost.calls(), categories);
    }

    Option current(Area area, String id, String name, List<Risk> risks, List<String> notes) {
        return new Option(area, id, name, true, cost, BigDecimal.ZERO.setScale(2), risks, Optional.empty(), notes);
    }

    Option option(Area area, String id, String name, EnvironmentCost after, List<Risk> risks,
                  Optional<SpecChange> change, List<String> notes) {
        return new Option(area, id, name, false, after, after.total().subtract(cost.total()), risks, change, notes);
    }

    /** The option the spec expresses with {@code change}, priced by the estimate itself on the edited spec. */
    Optional<Option> edited(Area area, String id, String name, SpecChange change, List<Risk> risks, List<String> notes) {
        return reestimate.apply(List.of(change)).map(after -> option(area, id, name, after, risks, Optional.of(change),
                notes));
    }

    SpecChange envChange(String key, String value) {
        List<String> path = new ArrayList<>(List.of("environments", env.name()));
        path.addAll(List.of(key.split("\\.")));
        return new SpecChange(path, value);
    }
}
