package dev.bella.rightsize;

import dev.bella.prices.PriceTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rightsizes an RDS instance or an ElastiCache node: the cheapest class the price table lists (same family
 * unless allowed otherwise) whose vCPUs, memory, CPU-credit baseline and, for PostgreSQL, default connection
 * limit cover the demand.
 */
final class InstanceSizer {

    static final Duration CREDIT_WINDOW = Duration.ofHours(24);

    /** What is being sized: which metrics, which price keys, which spec key. */
    record Target(Kind kind, String environment, String resource, String currentClass, int count,
                  Map<String, BigDecimal> hourlyByClass, BigDecimal hoursPerMonth, String priceTable) {
    }

    private final RightsizeOptions options;

    InstanceSizer(RightsizeOptions options) {
        this.options = options;
    }

    /** The on-demand hourly price of every RDS class of {@code engine}/{@code deployment} in the table. */
    static Map<String, BigDecimal> rdsClasses(PriceTable prices, String engine, String deployment) {
        String prefix = "rds." + engine + ".";
        String suffix = "." + deployment;
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        prices.all().forEach((key, entry) -> {
            if (key.startsWith(prefix) && key.endsWith(suffix)) {
                String cls = key.substring(prefix.length(), key.length() - suffix.length());
                if (cls.startsWith("db.") && !cls.contains("reserved")) {
                    out.put(cls, entry.price());
                }
            }
        });
        return out;
    }

    static Map<String, BigDecimal> cacheClasses(PriceTable prices) {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        prices.all().forEach((key, entry) -> {
            if (key.startsWith("elasticache.cache.") && key.endsWith(".on-demand")) {
                out.put(key.substring("elasticache.".length(), key.length() - ".on-demand".length()), entry.price());
            }
        });
        return out;
    }

    Recommendation size(Target t, Map<Metric, Series> metrics) {
        BigDecimal currentMonthly = monthly(t, t.currentClass());
        Optional<InstanceClasses.Spec> cur = InstanceClasses.of(t.currentClass());
        Optional<String> missing = Sufficiency.missing(t.kind(), metrics);
        if (cur.isEmpty() || missing.isPresent()) {
            String why = cur.isEmpty() ? "Bella has no hardware data for " + t.currentClass() + "; cannot rightsize it"
                    : missing.get();
            return new Recommendation(t.kind(), t.environment(), t.resource(), t.currentClass(), Optional.empty(),
                    Finding.INSUFFICIENT_DATA, Risk.UNKNOWN, List.of(), List.of(), currentMonthly, Optional.empty(),
                    List.of(), List.of(why), Map.of());
        }
        InstanceClasses.Spec current = cur.get();
        boolean db = t.kind() == Kind.DATABASE;
        double f = options.factor();
        Series cpu = metrics.get(db ? Metric.DATABASE_CPU : Metric.CACHE_CPU);
        double cpuP = cpu.percentile(RightsizeOptions.CPU_PERCENTILE);
        double cpuDemand = cpuP / 100 * current.vcpus() * f;                      // vCPUs
        double sustained = cpu.sustained(CREDIT_WINDOW) / 100 * current.vcpus();   // vCPUs, 24 h mean
        double memUsed;                                                            // bytes
        List<String> notes = new ArrayList<>();
        List<Figure> used = new ArrayList<>(List.of(new Figure("cpu p99.5", round(cpuP), "%"),
                new Figure("cpu 24h mean max", round(sustained / current.vcpus() * 100), "%")));
        if (db) {
            memUsed = Math.max(0, current.memoryBytes() - metrics.get(Metric.DATABASE_FREEABLE_MEMORY).min());
            used.add(new Figure("memory used max", round(memUsed / (1 << 20)), "MiB"));
        } else {
            memUsed = metrics.get(Metric.CACHE_MEMORY).max() / 100 * current.memoryBytes();
            used.add(new Figure("memory max", round(metrics.get(Metric.CACHE_MEMORY).max()), "%"));
        }
        double memDemand = memUsed * f;
        Series conns = metrics.get(db ? Metric.DATABASE_CONNECTIONS : Metric.CACHE_CONNECTIONS);
        double connDemand = conns == null || conns.isEmpty() ? 0 : conns.max() * f;
        if (conns != null && !conns.isEmpty()) {
            used.add(new Figure("connections max", round(conns.max()), "connections"));
        }
        Series evictions = metrics.get(Metric.CACHE_EVICTIONS);
        if (!db && evictions != null && evictions.sum() > 0) {
            // evictions mean Redis already hit maxmemory: the usage figure understates the need
            memDemand = Math.max(memDemand, current.memoryBytes());
            used.add(new Figure("evictions", round(evictions.sum()), "keys"));
            notes.add("Redis evicted keys in the lookback: memory is never reduced");
        }
        if (db) {
            for (Metric m : List.of(Metric.DATABASE_READ_IOPS, Metric.DATABASE_WRITE_IOPS)) {
                Series s = metrics.get(m);
                if (s != null && !s.isEmpty()) {
                    used.add(new Figure(m.name + " max", round(s.max()), "count/s"));
                }
            }
        }
        final double memNeed = memDemand;
        List<InstanceClasses.Spec> candidates = new ArrayList<>();
        for (String name : t.hourlyByClass().keySet()) {
            InstanceClasses.of(name).filter(c -> options.allowFamilyChange() || c.family().equals(current.family()))
                    .ifPresent(candidates::add);
        }
        candidates.sort(Comparator.comparing((InstanceClasses.Spec c) -> t.hourlyByClass().get(c.name()))
                .thenComparing(InstanceClasses.Spec::memoryGib));
        InstanceClasses.Spec best = null;
        for (InstanceClasses.Spec c : candidates) {
            boolean covers = c.vcpus() >= cpuDemand && c.memoryBytes() >= memNeed
                    && (!db || c.postgresMaxConnections() >= connDemand);
            if (!covers) {
                continue;
            }
            if (!creditsLast(c, sustained * f)) {
                notes.add(c.name() + " would run out of CPU credits: the highest 24 h mean CPU ("
                        + round(sustained) + " vCPU with headroom " + round(sustained * f) + ") is above its baseline ("
                        + c.baselinePercent().orElseThrow() + "% of " + c.vcpus() + " vCPUs); throttled in standard mode,"
                        + " billed surplus credits in unlimited mode");
                continue;
            }
            best = c;
            break;
        }
        if (current.baselinePercent().isPresent() && !creditsLast(current, sustained)) {
            notes.add(current.name() + " runs above its CPU-credit baseline (" + current.baselinePercent().get()
                    + "%): it spends credits faster than it earns them");
        }
        if (best == null) {
            notes.add("no class in the price table" + (options.allowFamilyChange() ? "" : " of family " + current.family()
                    + " (try --allow-family-change)") + " covers the demand");
            return new Recommendation(t.kind(), t.environment(), t.resource(), current.name(), Optional.empty(),
                    Finding.UNDER_PROVISIONED, Risk.HIGH, used, List.of(), currentMonthly, Optional.empty(), List.of(), notes,
                    Map.of());
        }
        boolean under = cpuDemand > current.vcpus() || memNeed > current.memoryBytes()
                || (db && current.postgresMaxConnections() < connDemand) || !creditsLast(current, sustained * f);
        BigDecimal recMonthly = monthly(t, best.name());
        Finding finding = under ? Finding.UNDER_PROVISIONED
                : recMonthly.compareTo(currentMonthly) < 0 ? Finding.OVER_PROVISIONED : Finding.OPTIMIZED;
        if (finding == Finding.OPTIMIZED) {
            best = current;
            recMonthly = currentMonthly;
        }
        double cpuAfter = cpuP * current.vcpus() / best.vcpus();
        double memAfter = memUsed / best.memoryBytes() * 100;
        List<Figure> projected = new ArrayList<>(List.of(new Figure("cpu p99.5", round(cpuAfter), "%"),
                new Figure("memory", round(memAfter), "%")));
        Risk risk = Risk.ofProjected(Math.max(cpuAfter, memAfter));
        if (best.baselinePercent().isPresent()) {
            double creditUse = sustained / (best.baselinePercent().get() / 100.0 * best.vcpus()) * 100;
            projected.add(new Figure("credit baseline used", round(creditUse), "%"));
            if (creditUse > 50) {
                risk = risk.higher();
            }
        }
        List<Change> changes = best.name().equals(current.name()) ? List.of()
                : List.of(new Change(t.environment(), List.of(db ? "database" : "cache", db ? "instance-class" : "node-type"),
                current.name(), best.name()));
        return new Recommendation(t.kind(), t.environment(), t.resource(), current.name(), Optional.of(best.name()), finding,
                risk, used, projected, currentMonthly, Optional.of(recMonthly), changes, notes,
                Map.of(db ? "database.instance-class" : "cache.node-type", best.name()));
    }

    private static boolean creditsLast(InstanceClasses.Spec c, double sustainedVcpus) {
        return c.baselinePercent().map(b -> sustainedVcpus <= b / 100.0 * c.vcpus()).orElse(true);
    }

    private static BigDecimal monthly(Target t, String cls) {
        BigDecimal hourly = t.hourlyByClass().get(cls);
        if (hourly == null) {
            throw new dev.bella.prices.MissingPriceException(t.priceTable(), cls + " (on-demand, " + t.kind().id + ")");
        }
        return hourly.multiply(t.hoursPerMonth()).multiply(BigDecimal.valueOf(t.count()));
    }

    private static double round(double v) {
        return FargateSizer.round(v);
    }
}
