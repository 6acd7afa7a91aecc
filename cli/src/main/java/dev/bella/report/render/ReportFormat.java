package dev.bella.report.render;

import dev.bella.report.CostReport;

/** The formats a cost report renders to. */
public enum ReportFormat {
    TABLE, JSON, CSV, MARKDOWN, HTML;

    public String render(CostReport report, boolean color) {
        return switch (this) {
            case TABLE -> new TableRenderer(color).render(report);
            case JSON -> JsonRenderer.render(report);
            case CSV -> CsvRenderer.render(report);
            case MARKDOWN -> MarkdownRenderer.render(report);
            case HTML -> HtmlRenderer.render(report);
        };
    }
}
