package dev.bella.report.render;

import static dev.bella.report.render.Html.escape;
import static dev.bella.report.render.Numbers.money;

import dev.bella.report.CostReport.DailySpend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inline SVG charts for the HTML report, drawn here rather than by a script library so the file needs no
 * network and no JavaScript. Coordinates are computed in BigDecimal like every amount they stand for; each
 * chart carries a title and description for screen readers, and the page puts a table beside it.
 */
final class SvgCharts {

    static final String[] SERIES_COLOURS = {"#2563eb", "#9ca3af"};
    private static final int WIDTH = 720;
    private static final int LABEL = 250;
    private static final int BAR_AREA = 360;
    private static final int ROW = 26;

    private SvgCharts() {
    }

    /** One labelled row of a bar chart; one value per series. */
    record Bar(String label, List<BigDecimal> values) {
        Bar(String label, BigDecimal value) {
            this(label, List.of(value));
        }
    }

    /**
     * Horizontal bars, one group per row; with two series (e.g. baseline, this spec) a legend names them.
     * Negative amounts (credits, refunds) draw no bar but keep their figure.
     */
    static String bars(String id, String title, String description, List<String> series, List<Bar> rows) {
        return bars(id, title, description, series, rows, SvgCharts::dollars);
    }

    /** Bars whose figures are written by {@code format} (cost per call needs four decimals, not cents). */
    static String bars(String id, String title, String description, List<String> series, List<Bar> rows,
                       Function<BigDecimal, String> format) {
        BigDecimal max = rows.stream().flatMap(r -> r.values().stream()).reduce(BigDecimal.ZERO, BigDecimal::max);
        int perRow = ROW * series.size() - (series.size() - 1) * 8;
        int legend = series.size() > 1 ? 28 : 0;
        int height = legend + rows.size() * (perRow + 10) + 10;
        StringBuilder svg = open(id, title, description, height);
        if (series.size() > 1) {
            for (int s = 0; s < series.size(); s++) {
                int x = LABEL + s * 160;
                svg.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"14\" height=\"14\" fill=\"")
                        .append(SERIES_COLOURS[s]).append("\"/><text x=\"").append(x + 20).append("\" y=\"18\">")
                        .append(escape(series.get(s))).append("</text>");
            }
        }
        int y = legend + 8;
        for (Bar row : rows) {
            svg.append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + perRow / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(row.label()))).append("</text>");
            for (int s = 0; s < row.values().size(); s++) {
                BigDecimal v = row.values().get(s);
                String w = scale(v.max(BigDecimal.ZERO), max, BAR_AREA);
                int barY = y + s * (ROW - 8);
                String name = series.size() > 1 ? series.get(s) + ": " : "";
                svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(barY).append("\" width=\"").append(w)
                        .append("\" height=\"").append(ROW - 10).append("\" fill=\"").append(SERIES_COLOURS[s % 2])
                        .append("\"><title>").append(escape(row.label() + ": " + name + format.apply(v)))
                        .append("</title></rect>");
                svg.append("<text x=\"").append(new BigDecimal(w).add(BigDecimal.valueOf(LABEL + 6)).toPlainString())
                        .append("\" y=\"").append(barY + ROW - 14).append("\">").append(escape(format.apply(v)))
                        .append("</text>");
            }
            y += perRow + 10;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Daily AWS spend as a line, estimated (not yet final) days as hollow points, and the spec's daily limit
     * as a dashed line, so a day over budget is visible at a glance.
     */
    static String daily(String id, String title, String description, List<DailySpend> days, Optional<BigDecimal> limit) {
        int height = 260;
        int left = 64;
        int right = 24;
        int top = 20;
        int bottom = 40;
        int plotW = WIDTH - left - right;
        int plotH = height - top - bottom;
        BigDecimal highest = days.stream().map(DailySpend::aws).reduce(BigDecimal.ZERO, BigDecimal::max);
        highest = limit.map(highest::max).orElse(highest);
        BigDecimal max = niceTop(highest);
        StringBuilder svg = open(id, title, description, height);
        for (int t = 0; t <= 4; t++) {
            BigDecimal value = max.multiply(BigDecimal.valueOf(t)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            String y = y(value, max, top, plotH);
            svg.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(WIDTH - right)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(y)
                    .append("\" dy=\"4\" text-anchor=\"end\">$").append(money(value)).append("</text>");
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            DailySpend d = days.get(i);
            String x = x(i, days.size(), left, plotW);
            String y = y(d.aws(), max, top, plotH);
            points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
            dots.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3.5\" class=\"")
                    .append(d.estimated() ? "estimated" : "final").append("\"><title>").append(d.day()).append(": $")
                    .append(money(d.aws())).append(d.estimated() ? " (estimated)" : "").append("</title></circle>");
            if (i == 0 || i == days.size() - 1 || days.size() > 2 && i == days.size() / 2) {
                String anchor = i == 0 ? "start" : i == days.size() - 1 ? "end" : "middle";
                svg.append("<text x=\"").append(x).append("\" y=\"").append(height - bottom + 18)
                        .append("\" text-anchor=\"").append(anchor).append("\">").append(d.day()).append("</text>");
            }
        }
        svg.append("<polyline class=\"spend\" points=\"").append(points).append("\"/>").append(dots);
        limit.ifPresent(l -> {
            String y = y(l, max, top, plotH);
            svg.append("<line class=\"limit\" x1=\"").append(left).append("\" x2=\"").append(WIDTH - right)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"><title>daily limit $")
                    .append(money(l)).append("</title></line><text class=\"limit-label\" x=\"").append(WIDTH - right)
                    .append("\" y=\"").append(y).append("\" dy=\"-5\" text-anchor=\"end\">daily limit $")
                    .append(money(l)).append("</text>");
        });
        return svg.append("</svg>").toString();
    }

    /** {@code $12.50}, {@code -$5.00}. */
    static String dollars(BigDecimal v) {
        return v.signum() < 0 ? "-$" + money(v.negate()) : "$" + money(v);
    }

    private static StringBuilder open(String id, String title, String description, int height) {
        return new StringBuilder().append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\"><title id=\"").append(id).append("-title\">").append(escape(title))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(escape(description))
                .append("</desc>");
    }

    /**
     * The top of the y axis: the smallest 4 × (1, 2, 2.5 or 5 × 10^n) at least 5% above {@code highest}, so the four
     * gridlines fall on round figures ($2.50, $5.00, ...) and the highest point stays off the top edge.
     */
    static BigDecimal niceTop(BigDecimal highest) {
        if (highest.signum() <= 0) {
            return BigDecimal.valueOf(4);
        }
        BigDecimal step = highest.multiply(new BigDecimal("1.05")).divide(BigDecimal.valueOf(4), 6, RoundingMode.UP);
        BigDecimal base = BigDecimal.ONE.scaleByPowerOfTen(step.precision() - step.scale() - 1);
        for (String m : List.of("1", "2", "2.5", "5", "10")) {
            BigDecimal candidate = base.multiply(new BigDecimal(m));
            if (candidate.compareTo(step) >= 0) {
                return candidate.multiply(BigDecimal.valueOf(4));
            }
        }
        throw new AssertionError("10 × base is always at least the step");
    }

    /** {@code value / max × span}, one decimal: SVG lengths need no more. */
    static String scale(BigDecimal value, BigDecimal max, int span) {
        if (max.signum() == 0) {
            return "0";
        }
        return value.multiply(BigDecimal.valueOf(span)).divide(max, 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String x(int index, int count, int left, int plotW) {
        if (count == 1) {
            return String.valueOf(left + plotW / 2);
        }
        return new BigDecimal(scale(BigDecimal.valueOf(index), BigDecimal.valueOf(count - 1), plotW))
                .add(BigDecimal.valueOf(left)).toPlainString();
    }

    private static String y(BigDecimal value, BigDecimal max, int top, int plotH) {
        BigDecimal clamped = value.max(BigDecimal.ZERO).min(max);
        return BigDecimal.valueOf(top + plotH).subtract(new BigDecimal(scale(clamped, max, plotH))).toPlainString();
    }

    private static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "…";
    }
}
