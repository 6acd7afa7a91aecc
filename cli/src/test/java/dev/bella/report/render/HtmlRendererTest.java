package dev.bella.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private final String billed = ReportFormat.HTML.render(SampleReports.billed(), false);

    @Test
    void everyTextFromTheReportIsEscaped() {
        assertThat(billed).doesNotContain("<script").doesNotContain(SampleReports.HOSTILE)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    }

    @Test
    void theFileIsSelfContainedAndScriptFree() {
        // the only URL allowed is the SVG namespace, which is a name, not something fetched
        String withoutNamespace = billed.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutNamespace).doesNotContain("http://", "https://", "src=", "href=", "<link", "@import", "url(");
        assertThat(billed).contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }

    @Test
    void dailySpendIsALineWithOnePointPerDayAndTheDailyLimit() {
        Matcher points = Pattern.compile("<polyline class=\"spend\" points=\"([^\"]+)\"").matcher(billed);
        assertThat(points.find()).isTrue();
        assertThat(points.group(1).split(" ")).hasSize(10);
        assertThat(count(billed, "<circle ")).isEqualTo(10);
        assertThat(count(billed, "class=\"estimated\"")).isEqualTo(2);
        assertThat(billed).contains("<line class=\"limit\"", "daily limit $8.00");
        // day 4 ($9.40) is the only one over the $8 limit, and the table says so
        assertThat(count(billed, "class=\"over\">over the limit")).isEqualTo(1);
        assertThat(billed).contains("<title>2026-10-04: $9.40</title>");
        assertThat(billed).doesNotContain("No daily data");
    }

    @Test
    void theHighestDayIsNearestTheTopAndTheLimitLineSitsAtItsValue() {
        // plot: top 20, height 200; axis top 10 (9.40 + 5% = 9.87 → 4 × 2.5); $9.40 → 200 × 9.40 / 10 = 188 → y = 32
        assertThat(billed).contains("cy=\"32.0\"");
        // $8 → 200 × 8 / 10 = 160 → y = 60
        assertThat(billed).contains("y1=\"60.0\" y2=\"60.0\"><title>daily limit");
        assertThat(billed).contains(">$0.00</text>", ">$2.50</text>", ">$5.00</text>", ">$7.50</text>", ">$10.00</text>");
    }

    @Test
    void theAxisTopIsARoundFigureAboveTheHighestValue() {
        assertThat(SvgCharts.niceTop(new java.math.BigDecimal("9.40"))).isEqualByComparingTo("10");
        assertThat(SvgCharts.niceTop(new java.math.BigDecimal("10"))).isEqualByComparingTo("20");
        assertThat(SvgCharts.niceTop(new java.math.BigDecimal("0.37"))).isEqualByComparingTo("0.4");
        assertThat(SvgCharts.niceTop(new java.math.BigDecimal("130"))).isEqualByComparingTo("200");
        assertThat(SvgCharts.niceTop(java.math.BigDecimal.ZERO)).isEqualByComparingTo("4");
    }

    @Test
    void everyChartIsLabelledForScreenReaders() {
        int charts = count(billed, "<svg ");
        assertThat(charts).isEqualTo(4); // categories, daily, top items, cost per call
        assertThat(count(billed, "role=\"img\"")).isEqualTo(charts);
        Matcher m = Pattern.compile("aria-labelledby=\"(chart-[a-z-]+)-title \\1-desc\"").matcher(billed);
        int labelled = 0;
        while (m.find()) {
            assertThat(billed).contains("<title id=\"" + m.group(1) + "-title\">", "<desc id=\"" + m.group(1) + "-desc\">");
            labelled++;
        }
        assertThat(labelled).isEqualTo(charts);
    }

    @Test
    void aCreditKeepsItsFigureButDrawsNoBar() {
        assertThat(billed).contains("<title>prod " + Html.escape(SampleReports.HOSTILE) + ": Credit: -$5.00</title>")
                .doesNotContain("width=\"-");
    }

    @Test
    void costPerCallIsComparedWithTheTarget() {
        assertThat(billed).contains("= <strong>$0.0425</strong>, target $0.05: <strong class=\"under\">met</strong>")
                .contains("<title>cost per call: $0.0425</title>", "<title>target: $0.0500</title>");
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
