package dev.bella.diff;

import dev.bella.report.Category;
import dev.bella.report.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * The monthly cost of the spec at a base and now, per environment, category and line item. Only what
 * changed is listed below the environment level; the totals cover every environment compared.
 *
 * @param base   what the base was (a file, or {@code REF:path})
 * @param now    the spec as it is now
 * @param period the period both sides were priced for
 */
public record CostDiff(String base, String now, String period, List<EnvironmentDelta> environments) {

    public CostDiff {
        environments = List.copyOf(environments);
    }

    public BigDecimal baseTotal() {
        return Money.sum(environments, EnvironmentDelta::base);
    }

    public BigDecimal nowTotal() {
        return Money.sum(environments, EnvironmentDelta::now);
    }

    public BigDecimal change() {
        return nowTotal().subtract(baseTotal());
    }

    /** The change in percent of the base; empty when the base costs nothing (any increase is infinite). */
    public java.util.Optional<BigDecimal> changePercent() {
        return baseTotal().signum() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(Money.percent(change(), baseTotal()));
    }

    public boolean changed() {
        return environments.stream().anyMatch(e -> !e.categories().isEmpty() || e.status() != Status.CHANGED);
    }

    /** Whether a line, category or environment exists on both sides, only now, or only at the base. */
    public enum Status {
        CHANGED("changed"), ADDED("added"), REMOVED("removed");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Status of(boolean atBase, boolean now) {
            return atBase && now ? CHANGED : now ? ADDED : REMOVED;
        }
    }

    /** @param categories only the categories whose lines changed */
    public record EnvironmentDelta(String name, Status status, BigDecimal base, BigDecimal now,
                                   List<CategoryDelta> categories) {
        public EnvironmentDelta {
            categories = List.copyOf(categories);
        }

        public BigDecimal change() {
            return now.subtract(base);
        }
    }

    /** @param lines only the lines whose amount changed */
    public record CategoryDelta(Category category, BigDecimal base, BigDecimal now, List<LineDelta> lines) {
        public CategoryDelta {
            lines = List.copyOf(lines);
        }

        public BigDecimal change() {
            return now.subtract(base);
        }
    }

    /**
     * @param description the line's description now (at the base when the line was removed)
     * @param baseQuantity the quantity at the base, with {@code unit} (zero when added)
     */
    public record LineDelta(String id, String description, Status status, BigDecimal baseQuantity,
                            BigDecimal nowQuantity, String unit, BigDecimal base, BigDecimal now) {
        public BigDecimal change() {
            return now.subtract(base);
        }
    }
}
