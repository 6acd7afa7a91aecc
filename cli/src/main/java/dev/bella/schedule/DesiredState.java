package dev.bella.schedule;

import java.util.Locale;

/** What the schedule wants a resource to be. */
public enum DesiredState {
    RUNNING, STOPPED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
