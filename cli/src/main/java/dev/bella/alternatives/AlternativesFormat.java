package dev.bella.alternatives;

import java.util.Locale;

/** The forms of the comparison. */
public enum AlternativesFormat {
    TABLE, JSON, MARKDOWN, HTML;

    public String render(AlternativesReport report) {
        return switch (this) {
            case TABLE -> AlternativesText.table(report);
            case JSON -> AlternativesJson.render(report);
            case MARKDOWN -> AlternativesText.markdown(report);
            case HTML -> AlternativesHtml.render(report);
        };
    }

    public static AlternativesFormat parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AlternativesException("--format: unknown format '" + value
                    + "'; expected table, json, markdown or html");
        }
    }
}
