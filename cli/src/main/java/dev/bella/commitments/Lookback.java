package dev.bella.commitments;

import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.model.LookbackPeriodInDays;

/** The history Cost Explorer bases coverage and its recommendations on: the three lookbacks it offers. */
public enum Lookback {
    DAYS_7("7d", 7, LookbackPeriodInDays.SEVEN_DAYS),
    DAYS_30("30d", 30, LookbackPeriodInDays.THIRTY_DAYS),
    DAYS_60("60d", 60, LookbackPeriodInDays.SIXTY_DAYS);

    private final String id;
    private final int days;
    private final LookbackPeriodInDays api;

    Lookback(String id, int days, LookbackPeriodInDays api) {
        this.id = id;
        this.days = days;
        this.api = api;
    }

    public String id() {
        return id;
    }

    public int days() {
        return days;
    }

    LookbackPeriodInDays api() {
        return api;
    }

    public static Optional<Lookback> parse(String s) {
        return Arrays.stream(values()).filter(l -> l.id.equals(s)).findFirst();
    }
}
