package dev.bella.spec;

import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.yaml.ConfigException;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.Position;
import dev.bella.yaml.Problems;
import dev.bella.yaml.YamlNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one loader of the spec. Reads everything, collects every problem with its position, and either
 * returns a valid {@link Spec} or throws a {@link ConfigException} listing them all.
 */
public final class SpecLoader {

    /** The spec bundled in the jar: the embedded default when no file is given. */
    public static final String DEFAULT_SPEC = "bella.yaml";

    private final PriceTableLoader priceLoader = new PriceTableLoader();

    public Spec load(Path file) {
        return read(parse(file));
    }

    public Spec loadBundled(String path) {
        return read(parseBundled(path));
    }

    public SpecDocument parse(Path file) {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlNode.parse(file, problems);
        problems.throwIfAny();
        return new SpecDocument(new SpecSource.File(file), root.orElseThrow());
    }

    public SpecDocument parseBundled(String path) {
        String text = SpecSource.Bundled.read(path).orElseThrow(() -> new ConfigException(
                Position.unknown("(bundled) configs/" + path), "no such bundled spec"));
        return parse(new SpecSource.Bundled(path), text);
    }

    public SpecDocument parse(SpecSource source, String text) {
        Problems problems = new Problems();
        Optional<YamlNode> root = YamlNode.parse(text, source.label(), problems);
        problems.throwIfAny();
        return new SpecDocument(source, root.orElseThrow());
    }

    /** Resolves {@code relative} (e.g. the {@code baseline} key) next to {@code from} and parses it. */
    public SpecDocument parseRelative(SpecSource from, String relative, Position at) {
        SpecSource.Loaded loaded = from.resolve(relative).orElseThrow(() -> new ConfigException(at,
                "cannot find '" + relative + "' next to " + from.label()));
        return parse(loaded.source(), loaded.text());
    }

    public Spec read(SpecDocument doc) {
        Problems problems = doc.root().problems();
        MapReader top = doc.root().asMap("spec");
        String project = top.string("project", "bella");
        String region = top.requiredString("region");
        Optional<String> pricesFile = top.string("prices");
        Optional<String> baseline = top.string("baseline");
        PriceTable prices = prices(doc.source(), top, region, pricesFile, problems);
        Optional<java.time.ZoneId> timezone = ScheduleReader.zone(top, false);

        Map<String, Schedule> schedules = new LinkedHashMap<>();
        MapReader scheduleMap = top.map("schedules");
        ScheduleReader scheduleReader = new ScheduleReader(doc.source());
        for (String name : scheduleMap.keys()) {
            // raw, not node: a schedule written with no body must be reported as incomplete, not skipped
            // (skipping it made every reference to it fail with a confusing "unknown schedule")
            scheduleMap.raw(name).ifPresent(n -> schedules.put(name, scheduleReader.read(name, n)));
        }

        Optional<YamlNode> usageNode = top.node("usage");
        Usage usage = UsageReader.read(usageNode, "usage");
        Budget budget = budget(top);

        EnvironmentReader envReader = new EnvironmentReader(prices, schedules, project, timezone);
        TreeMap<String, Environment> environments = new TreeMap<>();
        MapReader envs = top.map("environments");
        // when environments is not a mapping that was already reported; "expected at least one" would repeat it
        if (envs.keys().isEmpty() && top.node("environments").map(YamlNode::isMapping).orElse(true)) {
            problems.add(top.positionOf("environments"), "spec.environments: expected at least one environment (e.g. prod)");
        }
        for (String name : envs.keys()) {
            YamlNode merged = withExtends(name, envs, new LinkedHashSet<>());
            Optional<YamlNode> envUsage = merged.isMapping() ? merged.asMap("environments." + name).node("usage")
                    : Optional.empty();
            Usage effective = envUsage.isPresent()
                    ? UsageReader.read(Optional.of(usageNode.map(envUsage.get()::mergedOver).orElse(envUsage.get())),
                    "environments." + name + ".usage")
                    : usage;
            environments.put(name, envReader.read(name, merged, effective));
        }
        var phases = new PhaseReader(envs.keys()).read(top);
        top.finish();
        problems.throwIfAny();
        return new Spec(doc.source(), project, region, prices, pricesFile, baseline, environments, schedules, budget, usage,
                phases, timezone);
    }

    /** The environment's node merged over its {@code extends} chain; a cycle is an error at the key. */
    private static YamlNode withExtends(String name, MapReader envs, Set<String> seen) {
        // raw, not node: an environment written with no body (`dev:`) is a null node that node() hides,
        // and orElseThrow() then crashed the loader; a null body reads as an empty mapping, i.e. defaults
        YamlNode node = envs.raw(name).orElseThrow();
        seen.add(name);
        if (!node.isMapping()) {
            return node;
        }
        MapReader env = node.asMap("environments." + name);
        Optional<YamlNode> ext = env.node("extends");
        if (ext.isEmpty()) {
            return node;
        }
        Optional<String> parentName = ext.get().scalar("environments." + name + ".extends");
        if (parentName.isEmpty()) {
            return node; // not a single name: already reported, don't also report an unknown environment ''
        }
        String parent = parentName.get();
        if (!envs.keys().contains(parent)) {
            node.problems().add(ext.get().position(), "environments." + name + ".extends: unknown environment '"
                    + parent + "' (expected one of: " + String.join(", ", envs.keys()) + ")");
            return node;
        }
        if (seen.contains(parent)) {
            node.problems().add(ext.get().position(), "environments." + name + ".extends: cycle " + String.join(" -> ", seen)
                    + " -> " + parent);
            return node;
        }
        return node.mergedOver(withExtends(parent, envs, seen));
    }

    private PriceTable prices(SpecSource source, MapReader top, String region, Optional<String> file, Problems problems) {
        try {
            if (file.isPresent()) {
                Optional<SpecSource.Loaded> loaded = source.resolve(file.get());
                if (loaded.isEmpty()) {
                    problems.add(top.node("prices").orElseThrow().position(), "spec.prices: cannot find price table '"
                            + file.get() + "' next to " + source.label());
                    return null;
                }
                return priceLoader.parse(loaded.get().text(), loaded.get().source().label());
            }
            if (region.isEmpty()) {
                return null;
            }
            Optional<PriceTable> bundled = priceLoader.bundled(region);
            if (bundled.isEmpty()) {
                problems.add(top.node("region").orElseThrow().position(), "spec.region: no price table for region '"
                        + region + "'; use ca-central-1 or us-east-1, or set prices: to a table file");
            }
            return bundled.orElse(null);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(p.at(), p.message()));
            return null;
        }
    }

    private static Budget budget(MapReader top) {
        MapReader b = top.map("budget");
        Optional<BigDecimal> monthly = b.decimal("monthly-limit", BigDecimal.ZERO, null);
        Optional<BigDecimal> daily = b.decimal("daily-limit", BigDecimal.ZERO, null);
        // each address is checked at its own node: the position of the whole list pointed at the first
        // address whichever one was wrong
        int[] counts = new int[2]; // e-mail addresses, topic ARNs
        var notify = b.list("notify", n -> n.scalar(b.what() + ".notify item").map(address -> {
            boolean topic = address.startsWith("arn:aws:sns:");
            if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && !topic) {
                n.problems().add(n.position(), "budget.notify: '" + address
                        + "' is neither an e-mail address nor an SNS topic ARN");
            } else if (!topic && ++counts[0] == Budget.MAX_EMAILS + 1) {
                n.problems().add(n.position(), "budget.notify: at most " + Budget.MAX_EMAILS + " e-mail addresses "
                        + "(AWS Budgets allows 10 e-mail subscribers per notification); list an SNS topic ARN for more");
            } else if (topic && ++counts[1] == Budget.MAX_TOPICS + 1) {
                n.problems().add(n.position(), "budget.notify: at most " + Budget.MAX_TOPICS + " SNS topic ARNs "
                        + "(a CloudWatch alarm takes 5 actions and Bella's own topic is one of them)");
            }
            return address;
        }));
        List<BigDecimal> alarmAt = alarmAt(b);
        MapReader t = b.map("targets");
        Optional<BigDecimal> perCall = t.decimal("cost-per-call", BigDecimal.ZERO, null);
        Optional<BigDecimal> reduction = t.decimal("reduction-percent", BigDecimal.ZERO, BigDecimal.valueOf(100));
        Optional<BigDecimal> coverage = t.decimal("commitment-coverage", BigDecimal.ZERO, BigDecimal.valueOf(100));
        t.finish();
        b.finish();
        return new Budget(monthly, daily, notify, perCall, reduction, alarmAt, coverage);
    }

    /** {@code alarm-at: [0.5, 0.8, 1.0]}: fractions of the monthly limit, each in (0, 2], ascending, distinct. */
    private static List<BigDecimal> alarmAt(MapReader b) {
        if (!b.has("alarm-at")) {
            return Budget.DEFAULT_ALARM_AT;
        }
        List<BigDecimal> out = new java.util.ArrayList<>();
        b.list("alarm-at", n -> n.scalar(b.what() + ".alarm-at item").flatMap(text -> {
            BigDecimal v;
            try {
                v = new BigDecimal(text);
            } catch (NumberFormatException e) {
                n.problems().add(n.position(), "budget.alarm-at: expected a fraction of the monthly limit such as 0.8, found '"
                        + text + "'");
                return Optional.empty();
            }
            if (v.signum() <= 0 || v.compareTo(BigDecimal.TWO) > 0) {
                n.problems().add(n.position(), "budget.alarm-at: expected a fraction above 0 and at most 2 (1.0 = the "
                        + "monthly limit), found " + v.toPlainString());
                return Optional.empty();
            }
            if (out.size() == Budget.MAX_ALARM_AT) {
                n.problems().add(n.position(), "budget.alarm-at: at most " + Budget.MAX_ALARM_AT + " fractions (AWS "
                        + "Budgets allows 10 notifications per budget: one per fraction and one for the forecast)");
                return Optional.empty();
            }
            if (!out.isEmpty() && v.compareTo(out.get(out.size() - 1)) <= 0) {
                n.problems().add(n.position(), "budget.alarm-at: expected ascending, distinct fractions, found "
                        + v.toPlainString() + " after " + out.get(out.size() - 1).toPlainString());
                return Optional.empty();
            }
            return Optional.of(v);
        }).map(v -> {
            out.add(v);
            return v;
        }));
        if (b.node("alarm-at").filter(YamlNode::isSequence).map(n -> n.asList("budget.alarm-at").isEmpty()).orElse(false)) {
            b.problems().add(b.positionOf("alarm-at"), "budget.alarm-at: expected at least one fraction, e.g. [0.8, 1.0]");
        }
        return out;
    }
}
