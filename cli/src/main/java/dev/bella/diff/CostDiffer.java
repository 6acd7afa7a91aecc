package dev.bella.diff;

import dev.bella.diff.CostDiff.CategoryDelta;
import dev.bella.diff.CostDiff.EnvironmentDelta;
import dev.bella.diff.CostDiff.LineDelta;
import dev.bella.diff.CostDiff.Status;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lines two estimates up by environment, category and line id. A line is matched by its id, not its
 * description: "Logs storage, 30-day retention" and "..., 90-day retention" are the same line at two
 * prices, which is what a reviewer wants to see.
 */
final class CostDiffer {

    private CostDiffer() {
    }

    static CostDiff diff(String baseLabel, CostReport base, String nowLabel, CostReport now) {
        Set<String> names = new LinkedHashSet<>();
        now.environments().forEach(e -> names.add(e.name()));
        base.environments().forEach(e -> names.add(e.name()));
        List<EnvironmentDelta> envs = new ArrayList<>();
        for (String name : names) {
            Optional<EnvironmentCost> b = find(base, name);
            Optional<EnvironmentCost> n = find(now, name);
            List<CategoryDelta> categories = new ArrayList<>();
            for (Category c : Category.values()) {
                List<LineItem> bl = b.flatMap(e -> e.category(c)).map(CategoryCost::items).orElse(List.of());
                List<LineItem> nl = n.flatMap(e -> e.category(c)).map(CategoryCost::items).orElse(List.of());
                List<LineDelta> lines = lines(bl, nl);
                if (!lines.isEmpty()) {
                    categories.add(new CategoryDelta(c, subtotal(b, c), subtotal(n, c), lines));
                }
            }
            envs.add(new EnvironmentDelta(name, Status.of(b.isPresent(), n.isPresent()),
                    b.map(EnvironmentCost::total).orElse(BigDecimal.ZERO.setScale(2)),
                    n.map(EnvironmentCost::total).orElse(BigDecimal.ZERO.setScale(2)), categories));
        }
        return new CostDiff(baseLabel, nowLabel, now.period().label(), envs);
    }

    private static Map<String, LineItem> keyed(List<LineItem> lines) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        Map<String, LineItem> out = new LinkedHashMap<>();
        for (LineItem l : lines) {
            out.put(l.id() + "#" + seen.merge(l.id(), 1, Integer::sum), l);
        }
        return out;
    }

    private static Optional<EnvironmentCost> find(CostReport r, String name) {
        return r.environments().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static BigDecimal subtotal(Optional<EnvironmentCost> env, Category c) {
        return env.flatMap(e -> e.category(c)).map(CategoryCost::subtotal).orElse(BigDecimal.ZERO.setScale(2));
    }

    /**
     * The lines whose amount differs, in the order they appear now, then the removed ones. A priced template
     * can repeat an id (two instances, say): the n-th line of an id is matched with the n-th at the base.
     */
    private static List<LineDelta> lines(List<LineItem> base, List<LineItem> now) {
        Map<String, LineItem> before = new LinkedHashMap<>();
        keyed(base).forEach(before::put);
        List<LineDelta> out = new ArrayList<>();
        for (Map.Entry<String, LineItem> e : keyed(now).entrySet()) {
            LineItem l = e.getValue();
            LineItem b = before.remove(e.getKey());
            BigDecimal was = b == null ? BigDecimal.ZERO.setScale(2) : b.amount();
            if (was.compareTo(l.amount()) != 0) {
                out.add(new LineDelta(l.id(), l.description(), b == null ? Status.ADDED : Status.CHANGED,
                        b == null ? BigDecimal.ZERO : b.quantity(), l.quantity(), l.unit(), was, l.amount()));
            }
        }
        for (LineItem b : before.values()) {
            if (b.amount().signum() != 0) {
                out.add(new LineDelta(b.id(), b.description(), Status.REMOVED, b.quantity(), BigDecimal.ZERO,
                        b.unit(), b.amount(), BigDecimal.ZERO.setScale(2)));
            }
        }
        return out;
    }
}
