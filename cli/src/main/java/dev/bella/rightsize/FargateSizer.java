package dev.bella.rightsize;

import dev.bella.estimate.EstimatePeriod;
import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.spec.FargateSizes;
import dev.bella.spec.Service;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rightsizes a Fargate task: the cheapest cpu/memory pair of Fargate's table that covers the demand.
 * CPUUtilization and MemoryUtilization of an ECS service are percentages of the task's reserved CPU and
 * memory, so demand converts to CPU units and MiB through the current size.
 */
final class FargateSizer {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal UNITS_PER_VCPU = BigDecimal.valueOf(1024);

    private final PriceTable prices;
    private final RightsizeOptions options;
    private final BigDecimal hours;

    FargateSizer(PriceTable prices, RightsizeOptions options) {
        this(prices, options, EstimatePeriod.AVERAGE_MONTH_HOURS);
    }

    /** {@code hours} is how long the tasks run a month: 730, or less under a schedule. */
    FargateSizer(PriceTable prices, RightsizeOptions options, BigDecimal hours) {
        this.prices = prices;
        this.options = options;
        this.hours = hours;
    }

    record Size(int cpu, int memory) {
        @Override
        public String toString() {
            return cpu + " CPU / " + memory + " MiB";
        }
    }

    /** {@code current} is the task size running (from ECS when live, else the spec). */
    Recommendation size(String environment, String resource, Service service, Size current,
                        Map<Metric, Series> metrics) {
        String arch = service.architecture().name().toLowerCase(Locale.ROOT);
        BigDecimal currentMonthly = monthly(current, arch, service.desired());
        List<String> notes = new ArrayList<>();
        Optional<String> missing = Sufficiency.missing(Kind.SERVICE, metrics);
        if (missing.isPresent()) {
            return new Recommendation(Kind.SERVICE, environment, resource, current.toString(), Optional.empty(),
                    Finding.INSUFFICIENT_DATA, Risk.UNKNOWN, List.of(), List.of(), currentMonthly, Optional.empty(),
                    List.of(), List.of(missing.get()), Map.of());
        }
        double cpuP = metrics.get(Metric.SERVICE_CPU).percentile(RightsizeOptions.CPU_PERCENTILE);
        double memMax = metrics.get(Metric.SERVICE_MEMORY).max();
        double cpuDemand = cpuP / 100 * current.cpu() * options.factor();
        double memDemand = memMax / 100 * current.memory() * options.factor();
        // Target tracking on CPU adds tasks when CPU runs hot, so per-task CPU utilization reflects the
        // scaling target rather than a need for bigger tasks. Compute Optimizer recommends memory only for
        // such services; so does Bella.
        boolean tracking = service.autoscaling().max() > service.autoscaling().min();
        int minCpu = service.rightsize().minCpu().orElse(0);
        int minMemory = service.rightsize().minMemory().orElse(0);
        // under tracking the CPU stays, unless a floor in the spec asks for more
        int trackedCpu = FargateSizes.isValidCpu(minCpu) && minCpu > current.cpu() ? minCpu : current.cpu();
        Optional<Size> best = tracking
                ? cheapest(arch, trackedCpu, trackedCpu, 0, Math.max(memDemand, minMemory))
                : Optional.empty();
        if (tracking) {
            notes.add("CPU is scaled by target tracking (target " + service.autoscaling().targetCpu()
                    + "% CPU): only memory is recommended, as AWS Compute Optimizer does");
            if (best.isEmpty()) {
                notes.add("no memory size allowed with " + current.cpu() + " CPU covers the demand; CPU changed too");
            }
        }
        if (best.isEmpty()) {
            best = cheapest(arch, minCpu, Integer.MAX_VALUE, Math.max(cpuDemand, minCpu), Math.max(memDemand, minMemory));
        }
        if (service.rightsize().minCpu().isPresent() || service.rightsize().minMemory().isPresent()) {
            notes.add("floors from the spec: " + service.rightsize().minCpu().map(c -> "min-cpu " + c).orElse("")
                    + (service.rightsize().minCpu().isPresent() && service.rightsize().minMemory().isPresent() ? ", " : "")
                    + service.rightsize().minMemory().map(m -> "min-memory " + m).orElse(""));
        }
        List<Figure> used = List.of(new Figure("cpu p99.5", round(cpuP), "%"), new Figure("memory max", round(memMax), "%"),
                new Figure("cpu demand", round(cpuDemand), "CPU units"), new Figure("memory demand", round(memDemand), "MiB"));
        if (best.isEmpty()) {
            notes.add("no Fargate size covers the demand (the largest is 16384 CPU / 122880 MiB)");
            return new Recommendation(Kind.SERVICE, environment, resource, current.toString(), Optional.empty(),
                    Finding.UNDER_PROVISIONED, Risk.HIGH, used, List.of(), currentMonthly, Optional.empty(), List.of(), notes,
                    Map.of());
        }
        Size rec = best.get();
        boolean under = (!tracking && cpuDemand > current.cpu()) || memDemand > current.memory();
        BigDecimal recMonthly = monthly(rec, arch, service.desired());
        // the running size covers the demand, so the cheapest cover costs no more than it, unless a spec
        // floor rules the running size out: then the task must grow to the floor
        boolean belowFloor = !under && !rec.equals(current) && recMonthly.compareTo(currentMonthly) >= 0;
        if (belowFloor) {
            notes.add("the running size is below the spec's floors: raised to them");
        }
        Finding finding = under || belowFloor ? Finding.UNDER_PROVISIONED
                : recMonthly.compareTo(currentMonthly) < 0 ? Finding.OVER_PROVISIONED : Finding.OPTIMIZED;
        if (finding == Finding.OPTIMIZED) {
            rec = current;
            recMonthly = currentMonthly;
        }
        double cpuAfter = cpuP * current.cpu() / rec.cpu();
        double memAfter = memMax * current.memory() / rec.memory();
        List<Figure> projected = List.of(new Figure("cpu p99.5", round(cpuAfter), "%"),
                new Figure("memory max", round(memAfter), "%"));
        List<Change> changes = new ArrayList<>();
        if (rec.cpu() != current.cpu()) {
            changes.add(new Change(environment, List.of("service", "cpu"), String.valueOf(current.cpu()), String.valueOf(rec.cpu())));
        }
        if (rec.memory() != current.memory()) {
            changes.add(new Change(environment, List.of("service", "memory"), String.valueOf(current.memory()),
                    String.valueOf(rec.memory())));
        }
        if (service.desired() != 1) {
            notes.add("priced for " + service.desired() + " tasks (desired)");
        }
        Risk risk = Risk.ofProjected(Math.max(tracking ? 0 : cpuAfter, memAfter));
        // in the spec's order: Map.of would iterate in an order that changes from one JVM to the next, and so the JSON
        Map<String, String> recommendedSpec = new LinkedHashMap<>();
        recommendedSpec.put("service.cpu", String.valueOf(rec.cpu()));
        recommendedSpec.put("service.memory", String.valueOf(rec.memory()));
        return new Recommendation(Kind.SERVICE, environment, resource, current.toString(), Optional.of(rec.toString()),
                finding, risk, used, projected, currentMonthly, Optional.of(recMonthly), changes, notes, recommendedSpec);
    }

    /** The cheapest valid size with cpu in [minCpu, maxCpu] covering both demands; ties go to the smaller cpu. */
    Optional<Size> cheapest(String arch, int minCpu, int maxCpu, double cpuDemand, double memDemand) {
        Size best = null;
        BigDecimal bestPrice = null;
        for (int cpu : FargateSizes.cpuValues()) {
            if (cpu < minCpu || cpu > maxCpu || cpu < cpuDemand) {
                continue;
            }
            for (int memory : FargateSizes.memoryFor(cpu)) {
                if (memory < memDemand) {
                    continue;
                }
                BigDecimal price = hourly(new Size(cpu, memory), arch);
                if (bestPrice == null || price.compareTo(bestPrice) < 0) {
                    best = new Size(cpu, memory);
                    bestPrice = price;
                }
                break; // larger memory with the same cpu only costs more
            }
        }
        return Optional.ofNullable(best);
    }

    BigDecimal hourly(Size size, String arch) {
        BigDecimal vcpu = BigDecimal.valueOf(size.cpu()).divide(UNITS_PER_VCPU, MC);
        BigDecimal gb = BigDecimal.valueOf(size.memory()).divide(UNITS_PER_VCPU, MC);
        return vcpu.multiply(prices.price(PriceKeys.fargateVcpuHour(arch)))
                .add(gb.multiply(prices.price(PriceKeys.fargateGbHour(arch))));
    }

    BigDecimal monthly(Size size, String arch, int tasks) {
        return hourly(size, arch).multiply(hours).multiply(BigDecimal.valueOf(tasks));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
