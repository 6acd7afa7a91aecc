package dev.bella.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.report.render.JsonRenderer;
import dev.bella.diff.CostDiff.CategoryDelta;
import dev.bella.diff.CostDiff.EnvironmentDelta;
import dev.bella.diff.CostDiff.LineDelta;
import java.math.BigDecimal;

/** The JSON form of a cost diff (docs/ci.md shows it), built node by node so the schema is explicit. */
final class DiffJson {

    static final int SCHEMA_VERSION = 1;

    private DiffJson() {
    }

    static String render(CostDiff d) {
        ObjectNode root = JsonRenderer.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("currency", "USD");
        root.put("base", d.base());
        root.put("now", d.now());
        root.put("period", d.period());
        ObjectNode total = root.putObject("total");
        amounts(total, d.baseTotal(), d.nowTotal());
        d.changePercent().ifPresentOrElse(p -> total.put("changePercent", p), () -> total.putNull("changePercent"));
        ArrayNode envs = root.putArray("environments");
        for (EnvironmentDelta e : d.environments()) {
            ObjectNode en = envs.addObject().put("name", e.name()).put("status", e.status().id());
            amounts(en, e.base(), e.now());
            ArrayNode cats = en.putArray("categories");
            for (CategoryDelta c : e.categories()) {
                ObjectNode cn = cats.addObject().put("category", c.category().id()).put("label", c.category().label());
                amounts(cn, c.base(), c.now());
                ArrayNode lines = cn.putArray("lines");
                for (LineDelta l : c.lines()) {
                    ObjectNode ln = lines.addObject().put("id", l.id()).put("description", l.description())
                            .put("status", l.status().id()).put("unit", l.unit())
                            .put("baseQuantity", l.baseQuantity().stripTrailingZeros())
                            .put("nowQuantity", l.nowQuantity().stripTrailingZeros());
                    amounts(ln, l.base(), l.now());
                }
            }
        }
        return JsonRenderer.write(root);
    }

    private static void amounts(ObjectNode n, BigDecimal base, BigDecimal now) {
        n.put("base", base);
        n.put("now", now);
        n.put("change", now.subtract(base));
    }
}
