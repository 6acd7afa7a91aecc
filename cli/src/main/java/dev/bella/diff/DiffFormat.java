package dev.bella.diff;

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
}
