package dev.bella.alternatives;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Every area's options for one environment, the seed's own table beside Bella's figures, and the
 * assumptions the alternatives rest on.
 *
 * @param current the environment's monthly estimate as the spec stands
 * @param diffs   the spec edit of each option that has one, as a unified diff (filled for --diff)
 */
public record AlternativesReport(String config, String environment, String period, BigDecimal current,
                                 List<AreaResult> areas, List<SeedRow> seedTable, List<String> assumptions,
                                 List<String> diffs) {

    public AlternativesReport {
        areas = List.copyOf(areas);
        seedTable = List.copyOf(seedTable);
        assumptions = List.copyOf(assumptions);
        diffs = List.copyOf(diffs);
    }

    /** One area: the current design first, then its alternatives. */
    public record AreaResult(Area area, List<Option> options) {
        public AreaResult {
            options = List.copyOf(options);
        }
    }

    /**
     * One row of the seed's "Technology Alternatives" table with Bella's figures: the area's categories now
     * and with the alternative, and whether the seed's claimed saving holds.
     */
    public record SeedRow(String seedCurrent, String seedAlternative, String seedCurrentCost, String seedNewCost,
                          String seedSavings, String bellaAlternative, BigDecimal bellaCurrent, BigDecimal bellaNew,
                          BigDecimal bellaSavingPercent, String verdict) {
    }

    /** Every alternative (not the current designs), largest saving first. */
    public List<Option> ranked() {
        return areas.stream().flatMap(a -> a.options().stream()).filter(o -> !o.current())
                .sorted(Comparator.comparing(Option::difference).thenComparing(Option::id)).toList();
    }

    AlternativesReport withDiffs(List<String> unified) {
        return new AlternativesReport(config, environment, period, current, areas, seedTable, assumptions, unified);
    }
}
