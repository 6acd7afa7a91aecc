package dev.bella.estimate;

import static dev.bella.prices.PriceKeys.*;

import dev.bella.prices.FargateBilling;
import dev.bella.prices.PriceTable;
import dev.bella.report.LineItem;
import dev.bella.spec.Environment;
import dev.bella.spec.Scheduler;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the dev scheduler's own runs cost: EventBridge Scheduler starts a one-off Fargate task (SchedulerStack)
 * every {@code scheduler.every}, around the clock, because a reconciler has work on both sides of the office
 * day. Each run is billed by Fargate's rules (per second, one-minute minimum: {@link FargateBilling}) at the
 * task's size and the environment's architecture, holds a public IPv4 address while it runs when the tasks get
 * one, and writes its table to CloudWatch Logs. Without these lines the schedule's saving would be overstated.
 * Every line's id starts with {@link #PREFIX}, so the saving can show the scheduler's cost apart.
 */
final class SchedulerRuns {

    static final String PREFIX = "scheduler-";
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    // CloudWatch Logs bills binary gigabytes
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);

    private final PriceTable prices;
    private final BigDecimal periodHours;

    SchedulerRuns(PriceTable prices, BigDecimal periodHours) {
        this.prices = prices;
        this.periodHours = periodHours;
    }

    /**
     * What is priced about the scheduler: how often it runs, its task's size and architecture, whether the task
     * gets a public address, its log retention, and the usage's run length and log volume.
     */
    record Task(Duration every, int cpuUnits, int memoryMib, String architecture, boolean publicIp, int retentionDays,
                int runSeconds, int logBytesPerRun) {

        /** The scheduler the spec's stacks deploy for {@code env} (SchedulerStack). */
        static Task of(Environment env) {
            return new Task(env.scheduler().every(), Scheduler.CPU_UNITS, Scheduler.MEMORY_MIB,
                    env.service().architecture().id(), env.network().publicTasks(), env.logs().retentionDays(),
                    env.usage().schedulerRunSeconds(), env.usage().schedulerLogBytesPerRun());
        }
    }

    /** Task runs in the period: one every {@code every}, all period long. */
    BigDecimal runs(Duration every) {
        return periodHours.multiply(SECONDS_PER_HOUR).divide(BigDecimal.valueOf(every.toSeconds()), MC);
    }

    /** The task's vCPU and memory for its billed seconds. */
    List<LineItem> compute(Task t) {
        String arch = t.architecture();
        BigDecimal runs = runs(t.every());
        FargateBilling billing = FargateBilling.of(prices);
        long billed = billing.billedSeconds(Duration.ofSeconds(t.runSeconds()));
        BigDecimal taskHours = runs.multiply(BigDecimal.valueOf(billed)).divide(SECONDS_PER_HOUR, MC);
        BigDecimal vcpu = BigDecimal.valueOf(t.cpuUnits()).divide(MIB_PER_GIB, MC);
        BigDecimal gb = BigDecimal.valueOf(t.memoryMib()).divide(MIB_PER_GIB, MC);
        String what = "Scheduler task runs: " + runs.setScale(0, RoundingMode.HALF_UP) + " (every "
                + minutes(t.every()) + "), " + billed + " s billed each (" + t.runSeconds() + " s run, Fargate minimum "
                + billing.minimumSeconds() + " s), " + vcpu.stripTrailingZeros().toPlainString() + " vCPU / "
                + gb.stripTrailingZeros().toPlainString() + " GB " + arch;
        return List.of(
                LineItem.priced(PREFIX + "vcpu", what, taskHours.multiply(vcpu), "vCPU-hours",
                        prices.price(fargateVcpuHour(arch)), fargateVcpuHour(arch)),
                LineItem.priced(PREFIX + "memory", "Scheduler task memory", taskHours.multiply(gb), "GB-hours",
                        prices.price(fargateGbHour(arch)), fargateGbHour(arch)));
    }

    /** The run's public IPv4 address, held for the run itself (the Fargate minimum is a compute rule). */
    List<LineItem> network(Task t) {
        if (!t.publicIp()) {
            return List.of();
        }
        BigDecimal ipHours = runs(t.every()).multiply(BigDecimal.valueOf(t.runSeconds())).divide(SECONDS_PER_HOUR, MC);
        return List.of(LineItem.priced(PREFIX + "public-ipv4", "Public IPv4 address of each scheduler run", ipHours,
                "IP-hours", prices.price(PUBLIC_IPV4_HOUR), PUBLIC_IPV4_HOUR));
    }

    /**
     * The runs' log lines, ingested and kept for the log group's retention (the stack gives the scheduler's group the
     * environment's). Priced without a share of the account's free allowance: a few MB a month, so at most a
     * fraction of a cent too high.
     */
    List<LineItem> logs(Task t) {
        if (t.logBytesPerRun() == 0) {
            return List.of();
        }
        BigDecimal gb = runs(t.every()).multiply(BigDecimal.valueOf(t.logBytesPerRun())).divide(BYTES_PER_GB, MC);
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced(PREFIX + "logs-ingestion", "Scheduler logs ingestion (" + t.logBytesPerRun()
                        + " bytes a run)", gb, "GB", prices.price(LOGS_INGESTION_GB), LOGS_INGESTION_GB));
        items.add(LineItem.priced(PREFIX + "logs-storage", "Scheduler logs storage, " + t.retentionDays()
                        + "-day retention", EnvironmentEstimator.storedLogGb(gb, t.retentionDays()), "GB-months",
                prices.price(LOGS_STORAGE_GB_MONTH), LOGS_STORAGE_GB_MONTH));
        return items;
    }

    private static String minutes(Duration every) {
        return every.toMinutes() + " min";
    }
}
