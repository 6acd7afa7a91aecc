package dev.bella.spec;

import dev.bella.spec.Phase.Item;
import dev.bella.spec.Phase.PolicyRef;
import dev.bella.spec.Phase.Status;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.Suggestions;
import dev.bella.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code phases}: the roadmap, each item with an id, a title, a status and optionally a policy and changes. */
final class PhaseReader {

    private static final Map<String, Status> STATUS = Map.of("planned", Status.PLANNED,
            "in-progress", Status.IN_PROGRESS, "done", Status.DONE, "skipped", Status.SKIPPED);

    private final Set<String> ids = new HashSet<>();
    private final Set<String> environments;

    /** @param environments the spec's environment names, which a policy's {@code env:} must be one of */
    PhaseReader(Set<String> environments) {
        this.environments = Set.copyOf(environments);
    }

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
        Optional<PolicyRef> policy = i.node("policy").flatMap(n -> policy(n, i.what()));
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

    /**
     * {@code policy: {NAME: VALUE}} with an optional {@code env: ENV}; NAME must be in the registry and VALUE
     * of its type, else a problem at that key.
     */
    private Optional<PolicyRef> policy(YamlNode node, String what) {
        if (!node.isMapping()) {
            node.problems().add(node.position(), what + ".policy: expected a mapping with one policy, such as "
                    + "{log-retention-max-days: 30}, found " + node.kind());
            return Optional.empty();
        }
        MapReader p = node.asMap(what + ".policy");
        Optional<String> env = p.string("env");
        env.ifPresent(e -> {
            if (!environments.contains(e)) {
                p.problems().add(p.node("env").orElseThrow().position(), p.what() + ".env: unknown environment '" + e
                        + "' (expected one of: " + String.join(", ", new java.util.TreeSet<>(environments)) + ")");
            }
        });
        Optional<Policy> policy = Optional.empty();
        boolean named = false;
        for (String key : p.keys()) {
            if (key.equals("env")) {
                continue;
            }
            Optional<Policies.Definition> def = Policies.find(key);
            if (def.isEmpty()) {
                String hint = nearest(key).map(n -> "; did you mean '" + n + "'?").orElse("");
                p.problems().add(p.positionOf(key), p.what() + ": unknown policy '" + key + "'" + hint
                        + " (expected one of: " + String.join(", ", policyNames()) + ")");
                p.allow(key);
                named = true;
                continue;
            }
            if (named) {
                p.problems().add(p.positionOf(key), p.what() + ": one policy per item; move '" + key
                        + "' to an item of its own");
                p.allow(key);
                continue;
            }
            named = true;
            if (!p.has(key)) {
                p.problems().add(p.positionOf(key), p.what() + "." + key + ": expected a value such as "
                        + def.get().example() + ", found nothing");
                continue;
            }
            policy = def.get().parser().apply(p, key);
        }
        if (!named) {
            p.problems().add(p.position(), p.what() + ": expected one policy, such as {log-retention-max-days: 30} "
                    + "(policies: " + String.join(", ", policyNames()) + ")");
        }
        p.finish();
        return policy.map(pol -> new PolicyRef(pol, env));
    }

    private static List<String> policyNames() {
        return Policies.all().stream().map(Policies.Definition::name).toList();
    }

    private static Optional<String> nearest(String key) {
        // a prefix counts as near: `log-retention` is `log-retention-max-days` with the unit left off
        return Suggestions.nearest(key, policyNames())
                .or(() -> policyNames().stream().filter(n -> n.startsWith(key) || key.startsWith(n)).findFirst());
    }

    private void unique(MapReader m, String id) {
        if (!id.isEmpty() && !ids.add(id)) {
            m.problems().add(m.node("id").orElseThrow().position(), m.what() + ".id: '" + id
                    + "' is used twice; phase and item ids must be unique");
        }
    }
}
