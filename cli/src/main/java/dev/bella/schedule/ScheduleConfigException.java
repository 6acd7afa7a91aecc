package dev.bella.schedule;

/** The spec or the command line does not allow a scheduled run (exit 2): the message says what to change. */
public final class ScheduleConfigException extends RuntimeException {

    public ScheduleConfigException(String message) {
        super(message);
    }
}
