package dev.bella.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * One resource to bring to a decision. {@code hold} is a {@code --until} to store on the resource as its
 * {@code bella:override} tag, so later runs keep the state until then. {@code journal} records the writes made.
 */
record Step(ScheduledResource resource, Decision decision, Mode mode, Instant now, Optional<StateOverride> hold,
            Journal journal) {

    Step(ScheduledResource resource, Decision decision, Mode mode, Instant now, Optional<StateOverride> hold) {
        this(resource, decision, mode, now, hold, new Journal());
    }

    /** Makes a write through the journal, so a failure later in the step still reports it. */
    <T> T write(String what, java.util.function.Supplier<T> call) {
        return journal.write(what, call);
    }

    enum Mode {
        /** change what differs */
        APPLY,
        /** say what would change, write nothing */
        DRY_RUN
    }

    boolean dryRun() {
        return mode == Mode.DRY_RUN;
    }

    DesiredState desired() {
        return decision.desired();
    }

    ResourceResult result(String before, String action, ResourceResult.Outcome outcome, String detail) {
        return new ResourceResult(resource.label(), Optional.of(desired()), decision.reason().key(), before, action,
                outcome, Optional.empty(), detail);
    }

    /** The outcome of a change: PLANNED on a dry run. */
    ResourceResult changed(String before, String action, ResourceResult.Outcome outcome, String detail) {
        return result(before, action, dryRun() ? ResourceResult.Outcome.PLANNED : outcome, detail);
    }
}
