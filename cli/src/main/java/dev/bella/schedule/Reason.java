package dev.bella.schedule;

import java.util.Locale;

/** Why a resource is desired running or stopped at an instant. */
public enum Reason {
    /** inside a running window */
    WINDOW,
    /** outside the windows on a day that has one */
    OFF_HOURS,
    /** no running window on this day of the week */
    WEEKEND,
    /** the local date is a holiday */
    HOLIDAY,
    /** the resource's {@code bella:override} tag */
    OVERRIDE,
    /** the command's {@code --until} */
    UNTIL,
    /** an explicit {@code stop} or {@code start} without {@code --until} */
    MANUAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
