package dev.bella.diff;

import java.util.Locale;

/** The forms of a cost diff: a terminal table, JSON for tools, Markdown for a pull-request comment. */
public enum DiffFormat {
    TABLE, JSON, MARKDOWN;

    public String render(CostDiff diff) {
        return switch (this) {
            case TABLE -> DiffText.table(diff);
            case JSON -> DiffJson.render(diff);
            case MARKDOWN -> DiffText.markdown(diff);
        };
    }

    public static DiffFormat parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DiffException("--format: unknown format '" + value + "'; expected table, json or markdown");
        }
    }
}
