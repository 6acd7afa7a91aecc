package dev.bella.commitments;

import java.util.Arrays;
import java.util.Optional;
import software.amazon.awssdk.services.costexplorer.model.TermInYears;

/** A commitment's term, as Cost Explorer's recommendations offer it. */
public enum Term {
    ONE_YEAR("1y", 12, TermInYears.ONE_YEAR),
    THREE_YEARS("3y", 36, TermInYears.THREE_YEARS);

    private final String id;
    private final int months;
    private final TermInYears api;

    Term(String id, int months, TermInYears api) {
        this.id = id;
        this.months = months;
        this.api = api;
    }

    public String id() {
        return id;
    }

    public int months() {
        return months;
    }

    TermInYears api() {
        return api;
    }

    public static Optional<Term> parse(String s) {
        return Arrays.stream(values()).filter(t -> t.id.equals(s)).findFirst();
    }
}
