package dev.bella.alternatives;

import dev.bella.report.EnvironmentCost;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One way to build an area: the current design or an alternative, as the environment's full monthly
 * estimate with that choice.
 *
 * @param cost       the environment's month with this choice (every category, AWS and third parties)
 * @param difference {@code cost.total()} minus the current design's total; negative is a saving
 * @param change     the spec edit that adopts it, when the spec can express it
 * @param notes      assumptions and caveats particular to this option
 */
public record Option(Area area, String id, String name, boolean current, EnvironmentCost cost, BigDecimal difference,
                     List<Risk> risks, Optional<SpecChange> change, List<String> notes) {

    public Option {
        risks = List.copyOf(risks);
        notes = List.copyOf(notes);
    }

    public BigDecimal monthly() {
        return cost.total();
    }

    /** The highest risk level, for one-column views. */
    public Optional<Risk> worstRisk() {
        return risks.stream().max(java.util.Comparator.comparing(Risk::level));
    }
}
