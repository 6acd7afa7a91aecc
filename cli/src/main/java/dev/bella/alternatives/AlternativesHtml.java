package dev.bella.alternatives;

import dev.bella.alternatives.AlternativesReport.SeedRow;
import java.util.List;

/** One self-contained page: the ranked table, the seed's table beside Bella's figures, the assumptions. */
final class AlternativesHtml {

    private AlternativesHtml() {
    }

    static String render(AlternativesReport r) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Bella alternatives: " + esc(r.environment()) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}"
                + "td,th{border:1px solid #ccc;padding:.3rem .6rem;vertical-align:top}td.n{text-align:right}"
                + ".save{color:#176e2c}.more{color:#a4161a}</style></head><body>\n");
        out.append("<h1>Alternatives for ").append(esc(r.environment())).append("</h1>\n<p>Current design: <strong>")
                .append(AlternativesText.usd(r.current())).append("</strong> a month (AWS, Twilio, OpenAI); ")
                .append(esc(r.config())).append(", ").append(esc(r.period())).append(".</p>\n");
        out.append("<table><thead><tr><th>#</th><th>Area</th><th>Alternative</th><th>Monthly</th><th>Difference</th>"
                + "<th>Risks</th></tr></thead><tbody>\n");
        List<Option> ranked = r.ranked();
        for (int i = 0; i < ranked.size(); i++) {
            Option o = ranked.get(i);
            out.append("<tr><td class=\"n\">").append(i + 1).append("</td><td>").append(o.area().id()).append("</td><td>")
                    .append(esc(o.name())).append("</td><td class=\"n\">").append(AlternativesText.usd(o.monthly()))
                    .append("</td><td class=\"n ").append(o.difference().signum() < 0 ? "save" : "more").append("\">")
                    .append(AlternativesText.signed(o.difference())).append("</td><td>");
            o.risks().forEach(k -> out.append(k.level().id()).append(" (").append(esc(k.constraint().label()))
                    .append("): ").append(esc(k.text())).append("<br>"));
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        if (!r.seedTable().isEmpty()) {
            out.append("<h2>The seed's table with Bella's figures</h2>\n<table><thead><tr><th>Seed current</th>"
                    + "<th>Seed alternative</th><th>Seed claim</th><th>Bella now</th><th>Bella alternative</th>"
                    + "<th>Saving</th><th>Verdict</th></tr></thead><tbody>\n");
            for (SeedRow s : r.seedTable()) {
                out.append("<tr><td>").append(esc(s.seedCurrent() + " " + s.seedCurrentCost())).append("</td><td>")
                        .append(esc(s.seedAlternative() + " " + s.seedNewCost())).append("</td><td>")
                        .append(esc(s.seedSavings())).append("</td><td class=\"n\">").append(AlternativesText.usd(s.bellaCurrent()))
                        .append("</td><td class=\"n\">").append(AlternativesText.usd(s.bellaNew())).append("</td><td class=\"n\">")
                        .append(s.bellaSavingPercent().toPlainString()).append("%</td><td>").append(esc(s.verdict()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("<h2>Assumptions</h2>\n<ul>\n");
        r.assumptions().forEach(a -> out.append("<li>").append(esc(a)).append("</li>\n"));
        out.append("</ul>\n");
        if (!r.diffs().isEmpty()) {
            out.append("<h2>Spec changes</h2>\n<pre>");
            r.diffs().forEach(d -> out.append(esc(d)));
            out.append("</pre>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
