package dev.bella.schedule;

import java.util.Locale;
import java.util.Optional;

/**
 * One line of a run: the resource, what the schedule wants, what it was, what bella did and how that
 * went. {@code errorCode} is AWS's error code (or bella's own, e.g. {@code other-environment}).
 */
public record ResourceResult(String resource, Optional<DesiredState> desired, String reason, String before,
                             String action, Outcome outcome, Optional<String> errorCode, String detail) {

    public enum Outcome {
        /** already in the desired state: nothing written */
        CONVERGED,
        /** changed to the desired state */
        CHANGED,
        /** a DB that AWS started by itself after 7 days stopped, stopped again */
        RESTOPPED_AFTER_AUTO_START,
        /** --dry-run or plan: this change would be made */
        PLANNED,
        /** cannot be stopped and the policy keeps it (ElastiCache with cache: keep) */
        KEPT,
        /** in a transitional state or throttled: the next run retries */
        PENDING,
        /** an AWS call failed; other resources went on */
        FAILED,
        /** not of this environment (or production): never written to */
        REFUSED;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean failed() {
            return this == FAILED || this == REFUSED;
        }
    }
}
