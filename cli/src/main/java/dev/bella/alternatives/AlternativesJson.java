package dev.bella.alternatives;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.report.render.JsonRenderer;
import dev.bella.alternatives.AlternativesReport.AreaResult;
import dev.bella.alternatives.AlternativesReport.SeedRow;
import dev.bella.report.CategoryCost;
import dev.bella.report.EnvironmentCost;
import java.util.List;
import dev.bella.report.LineItem;

/** The JSON form (docs/alternatives.md), built node by node so the schema does not follow field renames. */
final class AlternativesJson {

    static final int SCHEMA_VERSION = 1;

    private AlternativesJson() {
    }

    static String render(AlternativesReport r) {
        ObjectNode root = JsonRenderer.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("currency", "USD");
        root.put("config", r.config());
        root.put("environment", r.environment());
        root.put("period", r.period());
        root.put("current", r.current());
        r.areas().stream().findFirst().ifPresent(a -> categories(root.putArray("currentCategories"),
                a.options().getFirst().cost().categories()));
        ArrayNode areas = root.putArray("areas");
        for (AreaResult a : r.areas()) {
            ObjectNode an = areas.addObject().put("area", a.area().id());
            ArrayNode options = an.putArray("options");
            EnvironmentCost current = a.options().getFirst().cost();
            a.options().forEach(o -> option(options.addObject(), o, current));
        }
        ArrayNode ranked = root.putArray("ranked");
        r.ranked().forEach(o -> ranked.addObject().put("area", o.area().id()).put("id", o.id())
                .put("monthly", o.monthly()).put("difference", o.difference()));
        ArrayNode seed = root.putArray("seedTable");
        for (SeedRow s : r.seedTable()) {
            seed.addObject().put("seedCurrent", s.seedCurrent()).put("seedCurrentCost", s.seedCurrentCost())
                    .put("seedAlternative", s.seedAlternative()).put("seedNewCost", s.seedNewCost())
                    .put("seedSavings", s.seedSavings()).put("bellaAlternative", s.bellaAlternative())
                    .put("bellaCurrent", s.bellaCurrent()).put("bellaNew", s.bellaNew())
                    .put("bellaSavingPercent", s.bellaSavingPercent()).put("verdict", s.verdict());
        }
        JsonRenderer.putStrings(root, "assumptions", r.assumptions());
        if (!r.diffs().isEmpty()) {
            JsonRenderer.putStrings(root, "diffs", r.diffs());
        }
        return JsonRenderer.write(root);
    }

    /** An option with the categories it changes from the current design (none for the current design). */
    private static void option(ObjectNode n, Option o, EnvironmentCost current) {
        n.put("id", o.id()).put("name", o.name()).put("current", o.current()).put("monthly", o.monthly())
                .put("difference", o.difference());
        ArrayNode risks = n.putArray("risks");
        o.risks().forEach(k -> risks.addObject().put("constraint", k.constraint().id()).put("level", k.level().id())
                .put("text", k.text()));
        o.change().ifPresentOrElse(c -> n.putObject("specChange").put("key", c.key()).put("value", c.value()),
                () -> n.putNull("specChange"));
        JsonRenderer.putStrings(n, "notes", o.notes());
        categories(n.putArray("changedCategories"), changed(o, current));
    }

    private static void categories(ArrayNode categories, List<CategoryCost> list) {
        for (CategoryCost c : list) {
            ObjectNode cn = categories.addObject().put("category", c.category().id()).put("subtotal", c.subtotal());
            ArrayNode lines = cn.putArray("lines");
            for (LineItem l : c.items()) {
                lines.addObject().put("id", l.id()).put("description", l.description())
                        .put("quantity", l.quantity().setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros())
                        .put("unit", l.unit()).put("unitPrice", l.unitPrice().stripTrailingZeros())
                        .put("amount", l.amount()).put("priceKey", l.priceKey().orElse(null));
            }
        }
    }

    private static List<CategoryCost> changed(Option o, EnvironmentCost current) {
        if (o.current()) {
            return List.of();
        }
        List<CategoryCost> out = new java.util.ArrayList<>(o.cost().categories().stream()
                .filter(c -> !current.category(c.category()).map(c::equals).orElse(false)).toList());
        // a category the option drops altogether is a change too: shown empty, at zero
        current.categories().stream().filter(c -> o.cost().category(c.category()).isEmpty())
                .forEach(c -> out.add(CategoryCost.of(c.category(), List.of())));
        return out;
    }
}
