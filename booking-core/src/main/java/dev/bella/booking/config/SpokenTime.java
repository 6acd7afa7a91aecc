package dev.bella.booking.config;

import java.time.LocalTime;

/** Times as a voice says them: "9 AM", "3:30 PM", "noon". Shared by the flow and the hours read-out. */
public final class SpokenTime {

    private SpokenTime() {
    }

    public static String of(LocalTime t) {
        if (t.getHour() == 12 && t.getMinute() == 0) {
            return "noon";
        }
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String suffix = t.getHour() < 12 ? " AM" : " PM";
        return t.getMinute() == 0 ? hour12 + suffix : String.format("%d:%02d%s", hour12, t.getMinute(), suffix);
    }
}
