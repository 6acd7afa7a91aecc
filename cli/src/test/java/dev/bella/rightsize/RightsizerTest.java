package dev.bella.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The algorithm on synthetic series, every expected answer worked out by hand in the comments, with the
 * ca-central-1 price table (Fargate x86 0.04456 per vCPU-hour and 0.00489 per GB-hour; db.t3.micro 0.020,
 * db.t3.small 0.040, db.t4g.micro 0.018 per hour; cache.t3.micro 0.019, cache.t3.small 0.038).
 */
class RightsizerTest {

    static final Path BASELINE = Path.of("../configs/examples/baseline.yaml");
    static final Path TARGET = Path.of("../configs/bella.yaml");

    @TempDir
    Path tmp;

    static RightsizeReport run(Spec spec, String env, RightsizeOptions options, Map<Kind, Map<Metric, Series>> metrics) {
        Map<Kind, Observation> obs = new java.util.EnumMap<>(Kind.class);
        Instant end = Instant.MIN;
        for (var e : metrics.entrySet()) {
            obs.put(e.getKey(), new Observation(e.getKey(), e.getKey().id, Optional.empty(), e.getValue()));
            for (Series s : e.getValue().values()) {
                if (!s.isEmpty() && Synthetic.end(s).isAfter(end)) {
                    end = Synthetic.end(s);
                }
            }
        }
        Environment environment = spec.environment(env).orElseThrow();
        return new Rightsizer(options).rightsize(spec, environment, obs, end == Instant.MIN ? Synthetic.START : end, "test");
    }

    static Recommendation service(Spec spec, String env, Series cpu, Series memory) {
        return service(spec, env, RightsizeOptions.defaults(), cpu, memory);
    }

    static Recommendation service(Spec spec, String env, RightsizeOptions o, Series cpu, Series memory) {
        return run(spec, env, o, Map.of(Kind.SERVICE, Map.of(Metric.SERVICE_CPU, cpu, Metric.SERVICE_MEMORY, memory)))
                .recommendations().getFirst();
    }

    static Spec baseline() {
        return new SpecLoader().load(BASELINE);
    }

    @Test
    void theSeedsCaseHalvesTheTask() {
        // 1 vCPU / 2 GB; 14 days hourly; p99.5 CPU = 335th of 336 values = 30%; max memory 35%.
        // CPU demand 0.30 * 1024 * 1.2 = 368.64 -> 512; memory 0.35 * 2048 * 1.2 = 860.16 -> 1024.
        // Current 1 * 0.04456 + 2 * 0.00489 = 0.05434/h * 730 = 39.6682; 512/1024: 0.02717/h * 730 = 19.8341.
        Series cpu = Synthetic.hourly(336, i -> i == 100 ? 45 : i == 200 ? 30 : 20);
        Series memory = Synthetic.hourly(336, i -> i == 300 ? 35 : 28);
        Recommendation r = service(baseline(), "prod", cpu, memory);
        assertThat(r.finding()).isEqualTo(Finding.OVER_PROVISIONED);
        assertThat(r.current()).isEqualTo("1024 CPU / 2048 MiB");
        assertThat(r.recommended()).contains("512 CPU / 1024 MiB");
        assertThat(r.currentMonthly()).isEqualByComparingTo("39.6682");
        assertThat(r.recommendedMonthly()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("19.8341"));
        assertThat(r.monthlySavings()).isEqualByComparingTo("19.8341");
        assertThat(r.used()).contains(new Figure("cpu p99.5", 30.0, "%"), new Figure("memory max", 35.0, "%"),
                new Figure("cpu demand", 368.64, "CPU units"), new Figure("memory demand", 860.16, "MiB"));
        // projected: 30% * 1024/512 = 60%, 35% * 2048/1024 = 70% -> risk medium (70 is not below 70)
        assertThat(r.projected()).containsExactly(new Figure("cpu p99.5", 60.0, "%"), new Figure("memory max", 70.0, "%"));
        assertThat(r.risk()).isEqualTo(Risk.MEDIUM);
        assertThat(r.changes()).containsExactly(new Change("prod", List.of("service", "cpu"), "1024", "512"),
                new Change("prod", List.of("service", "memory"), "2048", "1024"));
    }

    @Test
    void aFlatLowServiceGoesToTheSmallestTask() {
        // 5% CPU, 10% memory for two days: 61.44 CPU units, 245.76 MiB -> 256/512 at
        // 0.25 * 0.04456 + 0.5 * 0.00489 = 0.013585/h -> 9.91705 a month; savings 39.6682 - 9.91705 = 29.75115
        Recommendation r = service(baseline(), "prod", Synthetic.flat(48, 5), Synthetic.flat(48, 10));
        assertThat(r.recommended()).contains("256 CPU / 512 MiB");
        assertThat(r.monthlySavings()).isEqualByComparingTo("29.75115");
        assertThat(r.risk()).isEqualTo(Risk.VERY_LOW); // 5*4 = 20%, 10*4 = 40%
    }

    @Test
    void rareSpikesAreIgnoredButNotFrequentOnes() {
        // 1000 five-minute points. 4 spikes (0.4%) at 95%: the 995th smallest is 10 -> 122.88 units -> 256.
        Duration five = Duration.ofMinutes(5);
        Series memory = Synthetic.series(five, 1000, i -> 10);
        Series rare = Synthetic.series(five, 1000, i -> i % 250 == 7 ? 95 : 10);
        assertThat(service(baseline(), "prod", rare, memory).recommended()).contains("256 CPU / 512 MiB");
        // 6 spikes (0.6%): the 995th smallest is a spike: 0.95 * 1024 * 1.2 = 1167.36 -> 2048 CPU, more than runs now
        Series frequent = Synthetic.series(five, 1000, i -> i % 166 == 7 ? 95 : 10);
        Recommendation r = service(baseline(), "prod", frequent, memory);
        assertThat(r.recommended()).contains("2048 CPU / 4096 MiB");
        assertThat(r.finding()).isEqualTo(Finding.UNDER_PROVISIONED);
        assertThat(r.monthlySavings()).isNegative();
    }

    @Test
    void aGrowingSeriesIsSizedForItsLatestPeak() {
        // memory grows linearly 20% -> 60% over 14 days; max 60% of 2048 = 1228.8 * 1.2 = 1474.56 MiB;
        // CPU 10% -> 122.88 units: 256 CPU allows 2048 MiB, the cheapest cover (0.01114 + 0.00978 per hour)
        Series cpu = Synthetic.flat(336, 10);
        Series memory = Synthetic.hourly(336, i -> 20 + 40.0 * i / 335);
        Recommendation r = service(baseline(), "prod", cpu, memory);
        assertThat(r.recommended()).contains("256 CPU / 2048 MiB");
        assertThat(r.monthlySavings()).isEqualByComparingTo("24.3966"); // 39.6682 - 0.02092 * 730 (= 15.2716)
    }

    @Test
    void theLookbackDropsOlderData() {
        // a 30%-CPU first week then 5%: with a 7-day lookback only the 5% week counts
        Series cpu = Synthetic.hourly(336, i -> i < 168 ? 30 : 5);
        Series memory = Synthetic.flat(336, 10);
        RightsizeOptions week = new RightsizeOptions(BigDecimal.valueOf(20), Duration.ofDays(7), false);
        assertThat(service(baseline(), "prod", week, cpu, memory).used().getFirst()).isEqualTo(new Figure("cpu p99.5", 5.0, "%"));
        assertThat(service(baseline(), "prod", cpu, memory).used().getFirst()).isEqualTo(new Figure("cpu p99.5", 30.0, "%"));
    }

    @Test
    void lessThanADayOfDataIsInsufficient() {
        Recommendation r = service(baseline(), "prod", Synthetic.flat(20, 5), Synthetic.flat(48, 10));
        assertThat(r.finding()).isEqualTo(Finding.INSUFFICIENT_DATA);
        assertThat(r.recommended()).isEmpty();
        assertThat(r.risk()).isEqualTo(Risk.UNKNOWN);
        assertThat(r.monthlySavings()).isZero();
        assertThat(r.notes()).containsExactly("CPUUtilization: 20 h of data in the lookback; at least 24 h needed");
    }

    @Test
    void gapsCountOnlyTheirDatapoints() {
        // 30 hourly points spread over three days (5 of every 12 hours): 30 h of data, enough
        Series cpu = new Series(Duration.ofHours(1),
                Synthetic.hourly(72, i -> 5).points().stream().filter(p -> p.at().getEpochSecond() / 3600 % 12 < 5).toList());
        assertThat(cpu.coverage()).isEqualTo(Duration.ofHours(30));
        assertThat(service(baseline(), "prod", cpu, Synthetic.flat(72, 10)).finding()).isEqualTo(Finding.OVER_PROVISIONED);
    }

    @Test
    void aDstShortDayIsNotAFullDayButADstLongDayIs() {
        // America/Toronto: 2026-03-08 has 23 hours (clocks spring forward), 2026-11-01 has 25.
        // A "day" of hourly data taken by the local calendar is 23 points, then 25.
        ZoneId toronto = ZoneId.of("America/Toronto");
        Series shortDay = localDay(LocalDate.of(2026, 3, 8), toronto, 5);
        Series longDay = localDay(LocalDate.of(2026, 11, 1), toronto, 5);
        assertThat(shortDay.points()).hasSize(23);
        assertThat(longDay.points()).hasSize(25);
        assertThat(service(baseline(), "prod", shortDay, localDay(LocalDate.of(2026, 3, 8), toronto, 10)).finding())
                .isEqualTo(Finding.INSUFFICIENT_DATA);
        assertThat(service(baseline(), "prod", longDay, localDay(LocalDate.of(2026, 11, 1), toronto, 10)).finding())
                .isEqualTo(Finding.OVER_PROVISIONED);
    }

    static Series localDay(LocalDate day, ZoneId zone, double value) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Series.Point> points = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(1))) {
            points.add(new Series.Point(t, value));
        }
        return new Series(Duration.ofHours(1), points);
    }

    /** The target with its tasks at the seed's 0.5 vCPU / 1 GB, a size these tests can shrink and grow. */
    private Spec targetAtHalfAVcpu() throws IOException {
        String text = Files.readString(TARGET);
        String half = text.replace("      cpu: 256\n      memory: 512\n", "      cpu: 512\n      memory: 1024\n");
        assertThat(half).isNotEqualTo(text);
        Path spec = tmp.resolve("target-half-vcpu.yaml");
        Files.writeString(spec, half);
        return new SpecLoader().load(spec);
    }

    @Test
    void targetTrackingOnCpuRecommendsMemoryOnly() throws IOException {
        // bella.yaml prod at 512 CPU / 1024 MiB arm64, autoscaling 1-5 on 70% CPU. CPU at 10% would allow 256,
        // but under target tracking only memory is sized: 90% of 1024 * 1.2 = 1105.92 -> 2048 with 512 CPU.
        Spec target = targetAtHalfAVcpu();
        Recommendation r = service(target, "prod", Synthetic.flat(48, 10), Synthetic.flat(48, 90));
        assertThat(r.recommended()).contains("512 CPU / 2048 MiB");
        assertThat(r.finding()).isEqualTo(Finding.UNDER_PROVISIONED);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("CPU is scaled by target tracking (target 70% CPU): "
                + "only memory is recommended"));
        // CPU far above the task's size is not a reason to grow it either: the scaling policy adds tasks
        Recommendation hot = service(target, "prod", Synthetic.flat(48, 95), Synthetic.flat(48, 50));
        assertThat(hot.finding()).isEqualTo(Finding.OPTIMIZED);
        assertThat(hot.recommended()).contains("512 CPU / 1024 MiB");
        assertThat(hot.changes()).isEmpty();
    }

    @Test
    void specFloorsAreNeverUndercut() throws IOException {
        Path spec = tmp.resolve("floors.yaml");
        Files.writeString(spec, Files.readString(BASELINE).replace("      spot-weight: 0",
                "      spot-weight: 0\n      rightsize: {min-cpu: 512, min-memory: 2048}"));
        Recommendation r = service(new SpecLoader().load(spec), "prod", Synthetic.flat(48, 5), Synthetic.flat(48, 10));
        assertThat(r.recommended()).contains("512 CPU / 2048 MiB");
        assertThat(r.notes()).contains("floors from the spec: min-cpu 512, min-memory 2048");
    }

    // ---- database ----

    static Recommendation database(Spec spec, RightsizeOptions o, Series cpu, Series freeable, Series connections) {
        Map<Metric, Series> m = new java.util.EnumMap<>(Metric.class);
        m.put(Metric.DATABASE_CPU, cpu);
        m.put(Metric.DATABASE_FREEABLE_MEMORY, freeable);
        if (connections != null) {
            m.put(Metric.DATABASE_CONNECTIONS, connections);
        }
        return run(spec, "prod", o, Map.of(Kind.DATABASE, m)).recommendations().get(1);
    }

    static final double MIB = 1 << 20;

    @Test
    void aQuietDatabaseStaysOnItsSmallestClass() {
        // db.t3.micro: 2 vCPU, 1 GiB, 10% baseline. 5% CPU -> 0.1 vCPU * 1.2 = 0.12 <= 0.2 (baseline);
        // 600 MiB freeable -> 424 MiB used * 1.2 = 508.8 MiB <= 1024: db.t3.micro is the cheapest t3 and fits
        Recommendation r = database(baseline(), RightsizeOptions.defaults(), Synthetic.flat(48, 5),
                Synthetic.flat(48, 600 * MIB), null);
        assertThat(r.finding()).isEqualTo(Finding.OPTIMIZED);
        assertThat(r.recommended()).contains("db.t3.micro");
        assertThat(r.currentMonthly()).isEqualByComparingTo("14.60");
        assertThat(r.changes()).isEmpty();
        assertThat(r.projected()).contains(new Figure("credit baseline used", 50.0, "%")); // 0.1 of 0.2 vCPU
    }

    @Test
    void sustainedCpuAboveTheBaselineWouldThrottleTheSmallerClass() {
        // 15% CPU all day: 0.3 vCPU (0.36 with headroom) is above db.t3.micro's 0.2 vCPU baseline but within
        // db.t3.small's 0.4: the micro would run out of credits, so small, at 0.040 * 730 = 29.20 a month
        Recommendation r = database(baseline(), RightsizeOptions.defaults(), Synthetic.flat(48, 15),
                Synthetic.flat(48, 600 * MIB), null);
        assertThat(r.recommended()).contains("db.t3.small");
        assertThat(r.finding()).isEqualTo(Finding.UNDER_PROVISIONED);
        assertThat(r.monthlySavings()).isEqualByComparingTo("-14.60");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("db.t3.micro would run out of CPU credits"))
                .anySatisfy(n -> assertThat(n).startsWith("db.t3.micro runs above its CPU-credit baseline (10%)"));
        // the same 15% for one hour a day is a burst the credits pay for: 24 h mean (23 * 2 + 15) / 24 = 2.54%
        Recommendation burst = database(baseline(), RightsizeOptions.defaults(),
                Synthetic.hourly(48, i -> i % 24 == 9 ? 15 : 2), Synthetic.flat(48, 600 * MIB), null);
        assertThat(burst.recommended()).contains("db.t3.micro");
        assertThat(burst.finding()).isEqualTo(Finding.OPTIMIZED);
    }

    @Test
    void connectionsBeyondTheDefaultLimitNeedMoreMemory() {
        // max_connections = 1 GiB / 9531392 = 112 on a micro; 100 connections * 1.2 = 120 > 112 -> db.t3.small (225)
        Recommendation r = database(baseline(), RightsizeOptions.defaults(), Synthetic.flat(48, 5),
                Synthetic.flat(48, 600 * MIB), Synthetic.flat(48, 100));
        assertThat(r.recommended()).contains("db.t3.small");
        assertThat(r.finding()).isEqualTo(Finding.UNDER_PROVISIONED);
    }

    @Test
    void familyChangeOnlyWhenAllowed() {
        // with --allow-family-change the quiet micro moves to db.t4g.micro: (0.020 - 0.018) * 730 = 1.46 a month
        RightsizeOptions any = new RightsizeOptions(BigDecimal.valueOf(20), Duration.ofDays(14), true);
        Recommendation r = database(baseline(), any, Synthetic.flat(48, 5), Synthetic.flat(48, 600 * MIB), null);
        assertThat(r.recommended()).contains("db.t4g.micro");
        assertThat(r.finding()).isEqualTo(Finding.OVER_PROVISIONED);
        assertThat(r.monthlySavings()).isEqualByComparingTo("1.46");
        assertThat(r.changes()).containsExactly(new Change("prod", List.of("database", "instance-class"), "db.t3.micro",
                "db.t4g.micro"));
    }

    @Test
    void anOversizedDatabaseShrinks() throws IOException {
        // db.t3.small (2 GiB, 0.040/h) using 300 MiB and 5% CPU -> db.t3.micro: (0.040 - 0.020) * 730 = 14.60
        Path spec = tmp.resolve("small.yaml");
        Files.writeString(spec, Files.readString(BASELINE).replace("instance-class: db.t3.micro", "instance-class: db.t3.small"));
        Recommendation r = database(new SpecLoader().load(spec), RightsizeOptions.defaults(), Synthetic.flat(48, 5),
                Synthetic.flat(48, 2048 * MIB - 300 * MIB), null);
        assertThat(r.recommended()).contains("db.t3.micro");
        assertThat(r.finding()).isEqualTo(Finding.OVER_PROVISIONED);
        assertThat(r.monthlySavings()).isEqualByComparingTo("14.60");
    }

    // ---- cache ----

    static Recommendation cache(Series cpu, Series memoryPercent, Series evictions) {
        Map<Metric, Series> m = new java.util.EnumMap<>(Metric.class);
        m.put(Metric.CACHE_CPU, cpu);
        m.put(Metric.CACHE_MEMORY, memoryPercent);
        if (evictions != null) {
            m.put(Metric.CACHE_EVICTIONS, evictions);
        }
        return run(baseline(), "prod", RightsizeOptions.defaults(), Map.of(Kind.CACHE, m)).recommendations().get(2);
    }

    @Test
    void aCacheNearlyFullGrows() {
        // cache.t3.micro 0.5 GiB: 80% * 1.2 = 96% fits; 90% * 1.2 = 108% does not -> cache.t3.small (1.37 GiB)
        assertThat(cache(Synthetic.flat(48, 3), Synthetic.flat(48, 80), null).finding()).isEqualTo(Finding.OPTIMIZED);
        Recommendation full = cache(Synthetic.flat(48, 3), Synthetic.flat(48, 90), null);
        assertThat(full.recommended()).contains("cache.t3.small");
        assertThat(full.finding()).isEqualTo(Finding.UNDER_PROVISIONED);
        assertThat(full.monthlySavings()).isEqualByComparingTo("-13.87"); // (0.019 - 0.038) * 730
    }

    @Test
    void evictionsMeanTheMemoryFigureUnderstatesTheNeed() {
        Recommendation r = cache(Synthetic.flat(48, 3), Synthetic.flat(48, 30), Synthetic.hourly(48, i -> i == 3 ? 12 : 0));
        assertThat(r.notes()).contains("Redis evicted keys in the lookback: memory is never reduced");
        assertThat(r.used()).contains(new Figure("evictions", 12.0, "keys"));
    }

    @Test
    void noMetricsAtAllIsInsufficientDataForEveryResource() {
        RightsizeReport report = run(baseline(), "prod", RightsizeOptions.defaults(), Map.of());
        assertThat(report.recommendations()).extracting(Recommendation::finding).containsOnly(Finding.INSUFFICIENT_DATA);
        assertThat(report.recommendations()).extracting(Recommendation::kind).containsExactly(Kind.SERVICE, Kind.DATABASE, Kind.CACHE);
        assertThat(report.monthlySavings()).isZero();
    }

    @Test
    void anEnvironmentWithoutCacheSaysSo() {
        RightsizeReport report = run(new SpecLoader().load(TARGET), "prod", RightsizeOptions.defaults(), Map.of());
        assertThat(report.recommendations()).hasSize(2);
        assertThat(report.notes()).contains("environment prod has no cache (cache: none): nothing to rightsize there");
    }

    @Test
    void aScheduledEnvironmentIsPricedForItsRunningHours() throws IOException {
        // bella.yaml dev at 512/1024 arm64, office-hours (Mon-Fri 07:00-19:00 Toronto), no target tracking (min = max).
        // 5% CPU and 10% memory -> 256/512. The hours are the estimate's: the schedule sampled over the twelve
        // months from the lookback's end (2026-11-03), the same figure `bella cost report` uses for dev.
        Spec target = targetAtHalfAVcpu();
        Recommendation r = service(target, "dev", Synthetic.flat(48, 5), Synthetic.flat(48, 10));
        java.math.BigDecimal hours = dev.bella.estimate.EstimatePeriod.averageMonth(java.time.Clock.fixed(
                Synthetic.START.plus(Duration.ofHours(48)), java.time.ZoneOffset.UTC))
                .runningHours(target.schedules().get("office-hours"));
        assertThat(hours).isBetween(new BigDecimal("240"), new BigDecimal("265")); // ~12 h x ~21 working days
        // arm64: 0.5 * 0.03565 + 1 * 0.00391 = 0.021735/h now; 0.25 * 0.03565 + 0.5 * 0.00391 = 0.0108675/h after
        assertThat(r.currentMonthly()).isEqualByComparingTo(new BigDecimal("0.021735").multiply(hours));
        assertThat(r.monthlySavings()).isEqualByComparingTo(new BigDecimal("0.0108675").multiply(hours));
        assertThat(run(target, "dev", RightsizeOptions.defaults(), Map.of()).notes())
                .anySatisfy(n -> assertThat(n).startsWith("service and database priced for ").endsWith("running hours a month (schedule office-hours), the cache for 730"));
    }

    @Test
    void underTargetTrackingACpuFloorStillHolds() throws IOException {
        // bella.yaml prod autoscales on CPU; a floor of 1024 CPU raises the task's CPU, memory then from 1024's table
        Path spec = tmp.resolve("tracked-floor.yaml");
        Files.writeString(spec, Files.readString(TARGET).replace("      spot-weight: 0 ",
                "      rightsize: {min-cpu: 1024}\n      spot-weight: 0 "));
        Recommendation r = service(new SpecLoader().load(spec), "prod", Synthetic.flat(48, 10), Synthetic.flat(48, 20));
        assertThat(r.recommended()).contains("1024 CPU / 2048 MiB");
        assertThat(r.finding()).isEqualTo(Finding.UNDER_PROVISIONED);
        assertThat(r.notes()).contains("the running size is below the spec's floors: raised to them");
    }
}
