package dev.bella.spec;

import dev.bella.spec.Phase.Item;
import dev.bella.spec.Phase.PolicyRef;
import dev.bella.spec.Phase.Status;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code phases}: the roadmap, each item with an id, a title, a status and optionally a policy and changes. */
final class PhaseReader {

    private static final Map<String, Status> STATUS = Map.of("planned", Status.PLANNED,
            "in-progress", Status.IN_PROGRESS, "done", Status.DONE, "skipped", Status.SKIPPED);

    private final Set<String> ids = new HashSet<>();

    List<Phase> read(MapReader top) {
        return top.list("phases", this::phase);
    }

    private Optional<Phase> phase(YamlNode node) {
        MapReader p = node.asMap("phases[]");
        String id = p.requiredString("id");
        unique(p, id);
        String title = p.requiredString("title");
        Optional<String> when = p.string("when");
        MapReader savings = p.map("target-savings");
        Optional<BigDecimal> min = savings.decimal("min", BigDecimal.ZERO, null);
        Optional<BigDecimal> max = savings.decimal("max", BigDecimal.ZERO, null);
        if (min.isPresent() && max.isPresent() && max.get().compareTo(min.get()) < 0) {
            savings.problems().add(savings.position(), "phase " + id + ".target-savings: max must not be below min");
        }
        savings.finish();
        List<Item> items = p.list("items", n -> item(n, id));
        p.finish();
        return Optional.of(new Phase(id, title, when, min, max, items));
    }

    private Optional<Item> item(YamlNode node, String phase) {
        MapReader i = node.asMap("phase " + phase + ".items[]");
        String id = i.requiredString("id");
        unique(i, id);
        String title = i.requiredString("title");
        Status status = i.choice("status", STATUS, Status.PLANNED);
        Optional<PolicyRef> policy = i.node("policy").map(n -> policy(n, i.what()));
        Optional<YamlNode> changes = i.node("changes");
        changes.ifPresent(c -> {
            if (!c.isMapping()) {
                c.problems().add(c.position(), i.what() + ".changes: expected a mapping in the shape of the spec, found "
                        + c.kind());
            }
        });
        i.finish();
        return Optional.of(new Item(id, title, policy, status, changes.filter(YamlNode::isMapping)));
    }

    private static PolicyRef policy(YamlNode node, String what) {
        if (node.isScalar()) {
            return new PolicyRef(node.scalar(what + ".policy").orElse(""), Map.of());
        }
        MapReader p = node.asMap(what + ".policy");
        String name = p.requiredString("name");
        Map<String, String> params = new LinkedHashMap<>();
        MapReader args = p.map("params");
        for (String key : args.keys()) {
            args.string(key).ifPresent(v -> params.put(key, v));
        }
        args.finish();
        p.finish();
        return new PolicyRef(name, params);
    }

    private void unique(MapReader m, String id) {
        if (!id.isEmpty() && !ids.add(id)) {
            m.problems().add(m.node("id").orElseThrow().position(), m.what() + ".id: '" + id
                    + "' is used twice; phase and item ids must be unique");
        }
    }
}
