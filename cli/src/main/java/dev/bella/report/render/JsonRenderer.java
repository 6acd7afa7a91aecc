package dev.bella.report.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The JSON form, schema version 1 (docs/report-schema.md). Built node by node rather than by
 * serialising the records, so renaming a Java field can never silently change the published schema.
 * Its way of writing ({@link #object()}, {@link #write}) is every report's (commitments, ...): one place decides
 * how an amount and a document look.
 */
public final class JsonRenderer {

    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    // exact: 12.50 stays 12.50, as the table prints it, instead of being normalised to 12.5
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private JsonRenderer() {
    }

    /** A document's root: its amounts are kept as exact as they are given. */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /** The document indented, amounts in plain notation (never 1E+1), ending in a newline. */
    public static String write(JsonNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** Strings (notes, risks, what was unavailable) as an array, empty rather than absent. */
    public static void putStrings(ObjectNode n, String key, List<String> values) {
        values.forEach(n.putArray(key)::add);
    }

    static String render(CostReport r) {
        ObjectNode root = object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("source", r.source());
        root.put("currency", r.currency());
        ObjectNode period = root.putObject("period");
        period.put("label", r.period().label());
        period.put("start", r.period().start().toString());
        period.put("end", r.period().endExclusive().toString());
        period.put("hours", r.period().hours());
        root.put("config", r.config());
        ArrayNode envs = root.putArray("environments");
        for (EnvironmentCost e : r.environments()) {
            ObjectNode env = envs.addObject();
            env.put("name", e.name());
            env.put("runningHours", e.runningHours());
            env.put("calls", e.calls());
            ArrayNode cats = env.putArray("categories");
            for (CategoryCost c : e.categories()) {
                ObjectNode cat = cats.addObject();
                cat.put("id", c.category().id());
                cat.put("label", c.category().label());
                cat.put("subtotal", c.subtotal());
                ArrayNode items = cat.putArray("items");
                for (LineItem i : c.items()) {
                    ObjectNode item = items.addObject();
                    item.put("id", i.id());
                    item.put("description", i.description());
                    item.put("quantity", i.quantity().setScale(6, RoundingMode.HALF_UP).stripTrailingZeros());
                    item.put("unit", i.unit());
                    item.put("unitPrice", i.unitPrice().stripTrailingZeros());
                    item.put("amount", exact(i.amount()));
                    i.priceKey().ifPresent(k -> item.put("priceKey", k));
                    item.put("provider", i.provider());
                }
            }
            ObjectNode totals = env.putObject("totals");
            totals.put("aws", e.aws());
            totals.put("thirdParty", e.thirdParty());
            totals.put("otherClouds", e.otherClouds());
            totals.put("all", e.total());
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("aws", r.awsTotal());
        totals.put("thirdParty", r.thirdPartyTotal());
        totals.put("otherClouds", r.otherCloudsTotal());
        totals.put("all", r.total());
        ObjectNode byProvider = totals.putObject("byProvider");
        r.providerTotals().forEach(byProvider::put);
        ObjectNode byCategory = totals.putObject("byCategory");
        for (var c : dev.bella.report.Category.values()) {
            BigDecimal t = r.categoryTotal(c);
            if (r.environments().stream().anyMatch(e -> e.category(c).isPresent())) {
                byCategory.put(c.id(), t);
            }
        }
        r.costPerCall().ifPresentOrElse(c -> {
            ObjectNode n = root.putObject("costPerCall");
            n.put("value", c.value());
            n.put("calls", c.calls());
            Numbers.putOptional(n, "target", c.target());
            c.withinTarget().ifPresentOrElse(w -> n.put("withinTarget", w), () -> n.putNull("withinTarget"));
        }, () -> root.putNull("costPerCall"));
        r.budget().ifPresentOrElse(b -> {
            ObjectNode n = root.putObject("budget");
            n.put("basis", "aws");
            n.put("monthlySpend", b.monthlySpend());
            Numbers.putOptional(n, "monthlyLimit", b.monthlyLimit());
            Numbers.putOptional(n, "monthlyPercent", b.monthlyPercent());
            n.put("monthlyStatus", b.monthlyLimit().isEmpty() ? "no-limit" : b.overMonthly() ? "over" : "under");
            n.put("dailySpend", b.dailySpend());
            Numbers.putOptional(n, "dailyLimit", b.dailyLimit());
            Numbers.putOptional(n, "dailyPercent", b.dailyPercent());
            n.put("dailyStatus", b.dailyLimit().isEmpty() ? "no-limit" : b.overDaily() ? "over" : "under");
            b.highestDay().ifPresentOrElse(d -> day(n.putObject("highestDay"), d), () -> n.putNull("highestDay"));
            b.lastCompleteDay().ifPresentOrElse(d -> day(n.putObject("lastCompleteDay"), d),
                    () -> n.putNull("lastCompleteDay"));
            r.gate().ifPresentOrElse(g -> {
                ObjectNode gate = n.putObject("gate");
                gate.put("limit", g.limit());
                gate.put("basis", g.basis());
                gate.put("value", g.value());
                gate.put("max", g.max());
                gate.put("status", g.over() ? "over" : "under");
                gate.put("message", g.message());
            }, () -> n.putNull("gate"));
        }, () -> root.putNull("budget"));
        ArrayNode phases = root.putArray("phases");
        for (CostReport.PhaseProjection p : r.phases()) {
            ObjectNode n = phases.addObject();
            n.put("id", p.id());
            n.put("title", p.title());
            n.put("status", p.status());
            n.put("aws", p.aws());
            n.put("total", p.total());
            n.put("savings", p.savings());
            n.put("cumulativeSavings", p.cumulativeSavings());
            Numbers.putOptional(n, "targetSavingsMin", p.targetSavingsMin());
            Numbers.putOptional(n, "targetSavingsMax", p.targetSavingsMax());
        }
        r.comparison().ifPresentOrElse(c -> {
            ObjectNode n = root.putObject("comparison");
            n.put("baseline", c.baseline());
            n.put("baselineAws", c.baselineAws());
            n.put("baselineTotal", c.baselineTotal());
            n.put("aws", c.aws());
            n.put("total", c.total());
            n.put("awsReductionPercent", c.awsReductionPercent());
            n.put("totalReductionPercent", c.totalReductionPercent());
            ArrayNode cats = n.putArray("categories");
            for (CostReport.CategoryDelta d : c.categories()) {
                ObjectNode cat = cats.addObject();
                cat.put("id", d.category().id());
                cat.put("baseline", d.baseline());
                cat.put("current", d.current());
                cat.put("reductionPercent", d.reductionPercent());
            }
        }, () -> root.putNull("comparison"));
        putStrings(root, "notes", r.notes());
        ArrayNode daily = root.putArray("daily");
        for (CostReport.DailySpend d : r.daily()) {
            ObjectNode n = daily.addObject();
            n.put("day", d.day().toString());
            n.put("aws", d.aws());
            n.put("estimated", d.estimated());
        }
        r.forecast().ifPresentOrElse(f -> {
            ObjectNode n = root.putObject("forecast");
            n.put("method", f.method());
            n.put("start", f.start().toString());
            n.put("end", f.endExclusive().toString());
            n.put("amount", f.amount());
            n.put("monthTotal", f.monthTotal());
            Numbers.putOptional(n, "low", f.low());
            Numbers.putOptional(n, "high", f.high());
        }, () -> root.putNull("forecast"));
        root.put("estimated", r.estimated());
        putStrings(root, "unavailable", r.unavailable());
        return write(root);
    }

    private static void day(ObjectNode n, CostReport.DailySpend d) {
        n.put("day", d.day().toString());
        n.put("aws", d.aws());
        n.put("estimated", d.estimated());
    }

    /** A bill line's amount as the provider wrote it (no trailing zeros past the cent), never rounded. */
    private static BigDecimal exact(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? v.setScale(2, RoundingMode.UNNECESSARY) : s;
    }
}
