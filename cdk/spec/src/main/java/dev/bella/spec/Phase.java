package dev.bella.spec;

import dev.bella.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A roadmap phase of the seed (quick wins, infrastructure, advanced, alternatives) and its items.
 * {@code targetSavings} is the seed's claimed monthly saving range for the phase, kept to compare the
 * projection against.
 */
public record Phase(String id, String title, Optional<String> when, Optional<BigDecimal> targetSavingsMin,
                    Optional<BigDecimal> targetSavingsMax, List<Item> items) {

    public Phase {
        items = List.copyOf(items);
    }

    public enum Status {
        PLANNED("planned"), IN_PROGRESS("in-progress"), DONE("done"), SKIPPED("skipped");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * @param changes a patch over the spec (same shape, merged key by key) that says what doing this
     *                item changes; the roadmap projection applies it to the baseline
     */
    public record Item(String id, String title, Optional<PolicyRef> policy, Status status, Optional<YamlNode> changes) {
    }

    /**
     * An item's policy, typed, and the environment it is limited to ({@code env:} beside it); without one it
     * applies to its registry scope ({@link Policies.Scope}).
     */
    public record PolicyRef(Policy policy, Optional<String> env) {

        public String name() {
            return Policies.of(policy).name();
        }
    }
}
