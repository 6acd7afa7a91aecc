package dev.bella.phases;

import dev.bella.spec.Phase;

/** A check of one item's policy in one environment ({@code environment} is "-" for spec-wide policies). */
public record Finding(Phase phase, Phase.Item item, String policy, String environment, Check check) {

    /** "phase-1/log-retention log-retention-max-days [prod] LogGroup1 (...) RetentionInDays: expected ..." */
    public String message() {
        return phase.id() + "/" + item.id() + " " + policy + " [" + environment + "] " + check.describe();
    }
}
