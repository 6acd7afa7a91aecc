package dev.bella.schedule;

import dev.bella.errors.BellaException;

/** The spec or the command line does not allow a scheduled run (exit 2): the message says what to change. */
public final class ScheduleConfigException extends BellaException {

    public ScheduleConfigException(String message) {
        super(message);
    }

    @Override
    public Outcome outcome() {
        return Outcome.USAGE;
    }
}
