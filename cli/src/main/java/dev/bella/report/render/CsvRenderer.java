package dev.bella.report.render;

import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;

/**
 * One row per line item (RFC 4180), for spreadsheets and for joining with billing exports; totals are
 * sums of the amount column and are not repeated as rows.
 */
final class CsvRenderer {

    private CsvRenderer() {
    }

    static String render(CostReport r) {
        StringBuilder out = new StringBuilder(
                "source,period_start,period_end,environment,category,item,description,quantity,unit,unit_price,amount_usd,price_key\r\n");
        for (EnvironmentCost e : r.environments()) {
            for (CategoryCost c : e.categories()) {
                for (LineItem i : c.items()) {
                    out.append(String.join(",", field(r.source()), r.period().start().toString(),
                            r.period().endExclusive().toString(), field(e.name()), c.category().id(), field(i.id()),
                            field(i.description()), i.quantity().setScale(6, java.math.RoundingMode.HALF_UP)
                                    .stripTrailingZeros().toPlainString(), field(i.unit()),
                            i.unitPrice().stripTrailingZeros().toPlainString(), i.amount().toPlainString(),
                            field(i.priceKey().orElse("")))).append("\r\n");
                }
            }
        }
        return out.toString();
    }

    static String field(String s) {
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
