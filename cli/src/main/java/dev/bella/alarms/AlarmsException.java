package dev.bella.alarms;

import dev.bella.errors.BellaException;

/** A reason `bella cost alarms` stops before changing anything; the CLI maps {@link Reason} to an exit code. */
public final class AlarmsException extends BellaException {

    public enum Reason {
        /** the spec lacks what alarms need (exit 2) */
        CONFIG,
        /** the account does not publish billing metrics yet (exit 3) */
        BILLING_ALERTS_DISABLED,
        /** a resource with a Bella name exists but Bella does not manage it (exit 1) */
        CONFLICT
    }

    private final Reason reason;

    AlarmsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public Outcome outcome() {
        return switch (reason) {
            case CONFIG -> Outcome.USAGE;
            case BILLING_ALERTS_DISABLED -> Outcome.AWS;
            case CONFLICT -> Outcome.POLICY_VIOLATION;
        };
    }
}
