package dev.bella.alternatives;

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
}
