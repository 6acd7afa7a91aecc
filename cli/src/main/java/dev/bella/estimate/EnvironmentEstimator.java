package dev.bella.estimate;

import static dev.bella.prices.PriceKeys.*;

import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceKeys;
import dev.bella.prices.VoicePriceModel;
import dev.bella.prices.VoiceUsage;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Autoscaling;
import dev.bella.spec.Cache;
import dev.bella.spec.Commitments.Commitment;
import dev.bella.spec.Database;
import dev.bella.spec.Environment;
import dev.bella.spec.Ingress;
import dev.bella.spec.Service;
import dev.bella.spec.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prices one environment for one period. Each figure is quantity × unit price from the table, with the
 * quantity derived from the spec and its usage assumptions; docs/cost-model.md gives every formula.
 */
final class EnvironmentEstimator {

    static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4167");
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final MathContext MC = MathContext.DECIMAL64;

    private final PriceTable prices;
    private final BigDecimal periodHours;

    EnvironmentEstimator(PriceTable prices, BigDecimal periodHours) {
        this.prices = prices;
        this.periodHours = periodHours;
    }

    /**
     * @param runningHours hours the environment's stoppable resources (tasks, database) run
     */
    EnvironmentCost estimate(Environment env, BigDecimal runningHours, FreeAllowance free) {
        Usage usage = env.usage();
        BigDecimal monthShare = monthShare();
        BigDecimal calls = calls(usage);
        // a scheduled environment pays for its scheduler's runs: the saving is net of them
        Optional<SchedulerRuns.Task> scheduler = env.schedule().map(s -> SchedulerRuns.Task.of(env));
        SchedulerRuns runs = schedulerRuns();
        List<CategoryCost> categories = new ArrayList<>();
        List<LineItem> compute = new ArrayList<>(fargate(env.service(), runningHours, env.network().publicTasks()));
        scheduler.ifPresent(t -> compute.addAll(runs.compute(t)));
        categories.add(CategoryCost.of(Category.COMPUTE, compute));
        categories.add(CategoryCost.of(Category.DATABASE, database(env.database(), env.commitments().database(),
                runningHours, monthShare)));
        if (env.cache() instanceof Cache.Redis redis) {
            categories.add(CategoryCost.of(Category.CACHE, cache(redis, env.commitments().cache())));
        }
        List<LineItem> networking = new ArrayList<>();
        if (env.ingress() == Ingress.ALB) {
            networking.addAll(alb(env.network().availabilityZones(), usage, calls));
        } else {
            networking.addAll(httpApi(usage, calls));
            networking.addAll(vpcLink());
            networking.addAll(cloudMap(taskHours(env.service(), runningHours)));
        }
        networking.addAll(nat(env.network().natGateways(), usage));
        scheduler.ifPresent(t -> networking.addAll(runs.network(t)));
        categories.add(CategoryCost.of(Category.NETWORKING, networking));
        List<LineItem> storage = new ArrayList<>(logs(usage, env.logs().retentionDays(), free));
        storage.addAll(dataTransferOut(usage, free));
        scheduler.ifPresent(t -> storage.addAll(runs.logs(t)));
        categories.add(CategoryCost.of(Category.STORAGE_AND_LOGS, storage));
        categories.add(CategoryCost.of(Category.THIRD_PARTY_APIS, thirdParty(usage, calls, monthShare)));
        return cost(env.name(), runningHours, calls, categories);
    }

    /** The dev scheduler's runs over this period, at this table's prices. */
    SchedulerRuns schedulerRuns() {
        return new SchedulerRuns(prices, periodHours);
    }

    static EnvironmentCost cost(String name, BigDecimal runningHours, BigDecimal calls, List<CategoryCost> categories) {
        return new EnvironmentCost(name, runningHours, calls.setScale(0, RoundingMode.HALF_UP).longValue(),
                categories);
    }

    BigDecimal monthShare() {
        return periodHours.divide(EstimatePeriod.AVERAGE_MONTH_HOURS, MC);
    }

    /** Calls in the period. */
    BigDecimal calls(Usage usage) {
        return BigDecimal.valueOf(usage.callsPerMonth()).multiply(monthShare());
    }

    /** Task-hours: the scheduled profile when there is one, else the baseline count plus the peak profile's extra tasks. */
    static BigDecimal taskHours(Service s, BigDecimal runningHours) {
        if (ScheduledProfile.applies(s)) {
            return ScheduledProfile.taskHours(s, runningHours);
        }
        BigDecimal hours = BigDecimal.valueOf(s.desired()).multiply(runningHours);
        Autoscaling.Peak peak = s.autoscaling().peak().orElse(null);
        if (peak != null) {
            BigDecimal peakHours = BigDecimal.valueOf(peak.hoursPerMonth()).min(runningHours);
            hours = hours.add(BigDecimal.valueOf(peak.extraTasks()).multiply(peakHours));
        }
        return hours;
    }

    /** Fargate vCPU and memory, on demand and on Spot, and the tasks' public IPv4 addresses when they have one. */
    List<LineItem> fargate(Service s, BigDecimal runningHours, boolean publicIp) {
        String arch = s.architecture().id();
        BigDecimal taskHours = taskHours(s, runningHours);
        BigDecimal vcpu = BigDecimal.valueOf(s.cpu()).divide(MIB_PER_GIB, MC);
        BigDecimal gb = BigDecimal.valueOf(s.memory()).divide(MIB_PER_GIB, MC);
        BigDecimal spot = BigDecimal.valueOf(s.spotWeight()).divide(HUNDRED, MC);
        BigDecimal onDemand = BigDecimal.ONE.subtract(spot);
        String size = vcpu.stripTrailingZeros().toPlainString() + " vCPU / " + gb.stripTrailingZeros().toPlainString()
                + " GB " + arch;
        List<LineItem> items = new ArrayList<>();
        if (onDemand.signum() > 0) {
            BigDecimal th = taskHours.multiply(onDemand);
            items.add(LineItem.priced("fargate-vcpu", "Fargate vCPU, " + size, th.multiply(vcpu), "vCPU-hours",
                    prices.price(fargateVcpuHour(arch)), fargateVcpuHour(arch)));
            items.add(LineItem.priced("fargate-memory", "Fargate memory, " + size, th.multiply(gb), "GB-hours",
                    prices.price(fargateGbHour(arch)), fargateGbHour(arch)));
        }
        if (spot.signum() > 0) {
            BigDecimal th = taskHours.multiply(spot);
            BigDecimal keep = BigDecimal.ONE.subtract(prices.price(FARGATE_SPOT_DISCOUNT));
            items.add(LineItem.priced("fargate-spot-vcpu", "Fargate Spot vCPU, " + size + " (" + s.spotWeight()
                            + "% of tasks)", th.multiply(vcpu), "vCPU-hours",
                    prices.price(fargateVcpuHour(arch)).multiply(keep), fargateVcpuHour(arch)));
            items.add(LineItem.priced("fargate-spot-memory", "Fargate Spot memory, " + size, th.multiply(gb),
                    "GB-hours", prices.price(fargateGbHour(arch)).multiply(keep), fargateGbHour(arch)));
        }
        if (publicIp) {
            items.add(LineItem.priced("task-public-ipv4", "Public IPv4 address per running task", taskHours,
                    "IP-hours", prices.price(PUBLIC_IPV4_HOUR), PUBLIC_IPV4_HOUR));
        }
        return items;
    }

    /** The RDS instance (on demand and reserved) and its storage. */
    List<LineItem> database(Database db, Commitment commitment, BigDecimal runningHours, BigDecimal monthShare) {
        List<LineItem> items = new ArrayList<>(reservable("rds", db.instanceClass() + " " + db.deployment(),
                runningHours, db.multiAz() ? "Multi-AZ" : "Single-AZ",
                rdsHour(db.engine(), db.instanceClass(), db.deployment()),
                commitment, c -> rdsReservedHour(db.engine(), db.instanceClass(),
                        db.deployment(), c.term().id(), c.payment().id())));
        // Multi-AZ keeps a second copy of the volume, billed as such.
        BigDecimal copies = db.multiAz() ? BigDecimal.TWO : BigDecimal.ONE;
        String key = rdsStorageGbMonth(db.storageType());
        items.add(LineItem.priced("rds-storage", db.storageType() + " storage, " + db.storageGb() + " GB"
                        + (db.multiAz() ? " x2 (Multi-AZ)" : ""),
                BigDecimal.valueOf(db.storageGb()).multiply(copies).multiply(monthShare), "GB-months",
                prices.price(key), key));
        return items;
    }

    List<LineItem> cache(Cache.Redis redis, Commitment commitment) {
        // ElastiCache cannot be stopped: it runs the whole period even in a scheduled environment.
        BigDecimal hours = periodHours.multiply(BigDecimal.valueOf(redis.nodes()));
        return reservable("elasticache", redis.nodeType() + (redis.nodes() > 1 ? " x" + redis.nodes() : ""), hours,
                "node", cacheHour(redis.nodeType()), commitment,
                c -> cacheReservedHour(redis.nodeType(), c.term().id(), c.payment().id()));
    }

    /**
     * Instance-hours split between a reservation and on-demand. A reservation is paid every hour of the
     * period whether the instance runs or not, so reserving a scheduled instance shows its waste.
     */
    private List<LineItem> reservable(String id, String what, BigDecimal usedHours, String kind, String onDemandKey,
                                      Commitment commitment, Function<Commitment, String> reservedKey) {
        BigDecimal coverage = BigDecimal.valueOf(commitment.coveragePercent()).divide(HUNDRED, MC);
        BigDecimal instances = usedHours.signum() == 0 ? BigDecimal.ONE
                : usedHours.divide(periodHours, MC).max(BigDecimal.ONE).setScale(0, RoundingMode.CEILING);
        BigDecimal reservedHours = periodHours.multiply(instances).multiply(coverage);
        BigDecimal onDemandHours = usedHours.subtract(usedHours.min(reservedHours)).max(BigDecimal.ZERO);
        List<LineItem> items = new ArrayList<>();
        if (onDemandHours.signum() > 0 || coverage.signum() == 0) {
            items.add(LineItem.priced(id + "-on-demand", what + " on-demand (" + kind + ")", onDemandHours,
                    "instance-hours", prices.price(onDemandKey), onDemandKey));
        }
        if (coverage.signum() > 0) {
            // the effective hourly rate of the spec's term and payment, upfront spread over the term (the table's entry)
            String key = reservedKey.apply(commitment);
            items.add(LineItem.priced(id + "-reserved", what + " reserved " + commitment.term().id() + " "
                            + commitment.payment().id() + ", "
                            + commitment.coveragePercent() + "% coverage", reservedHours, "instance-hours",
                    prices.price(key), key));
        }
        return items;
    }

    /** An Application Load Balancer: its hours, its capacity units, and one public IPv4 address per AZ. */
    List<LineItem> alb(int availabilityZones, Usage u, BigDecimal calls) {
        BigDecimal requests = calls.multiply(BigDecimal.valueOf(u.requestsPerCall()));
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("alb-hours", "Application Load Balancer", periodHours, "hours",
                prices.price(ALB_HOUR), ALB_HOUR));
        items.add(LineItem.priced("alb-lcu", "ALB capacity units (" + requests.setScale(0, RoundingMode.HALF_UP)
                + " requests)", lcuHours(requests, u.kbPerRequest()), "LCU-hours", prices.price(ALB_LCU_HOUR),
                ALB_LCU_HOUR));
        BigDecimal nodes = BigDecimal.valueOf(availabilityZones);
        items.add(LineItem.priced("alb-public-ipv4", "Public IPv4 addresses of the ALB (one per AZ)",
                nodes.multiply(periodHours), "IP-hours", prices.price(PUBLIC_IPV4_HOUR), PUBLIC_IPV4_HOUR));
        return items;
    }

    List<LineItem> httpApi(Usage u, BigDecimal calls) {
        BigDecimal requests = calls.multiply(BigDecimal.valueOf(u.requestsPerCall()));
        return List.of(LineItem.priced("http-api-requests", "API Gateway HTTP API requests", requests.divide(MILLION, MC),
                "million requests", prices.price(HTTP_API_MILLION_REQUESTS), HTTP_API_MILLION_REQUESTS));
    }

    List<LineItem> vpcLink() {
        return List.of(LineItem.priced("vpc-link", "VPC link for the HTTP API", periodHours, "hours",
                prices.price(HTTP_API_VPC_LINK_HOUR), HTTP_API_VPC_LINK_HOUR));
    }

    /** Cloud Map bills each registered instance per month: one per running task. */
    List<LineItem> cloudMap(BigDecimal taskHours) {
        BigDecimal instanceMonths = taskHours.divide(EstimatePeriod.AVERAGE_MONTH_HOURS, MC);
        return List.of(LineItem.priced("cloud-map", "Cloud Map registered tasks", instanceMonths, "instance-months",
                prices.price(CLOUD_MAP_INSTANCE_MONTH), CLOUD_MAP_INSTANCE_MONTH));
    }

    /** NAT gateways' hours and the data they process (the usage's data out goes through them). */
    List<LineItem> nat(int count, Usage u) {
        if (count == 0) {
            return List.of();
        }
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("nat-hours", "NAT gateways (" + count + ")",
                periodHours.multiply(BigDecimal.valueOf(count)), "hours", prices.price(NAT_GATEWAY_HOUR), NAT_GATEWAY_HOUR));
        BigDecimal gb = u.dataOutGbPerMonth().multiply(monthShare());
        items.add(LineItem.priced("nat-data", "NAT gateway data processed", gb, "GB", prices.price(NAT_GATEWAY_GB),
                NAT_GATEWAY_GB));
        return items;
    }

    /**
     * ALB capacity units: the largest of the four LCU dimensions, averaged over the period. For a
     * webhook service the binding dimension is new connections (25 per second per LCU) or processed
     * bytes (1 GB per hour per LCU); each webhook opens its own connection.
     */
    private BigDecimal lcuHours(BigDecimal requests, BigDecimal kbPerRequest) {
        BigDecimal seconds = periodHours.multiply(SECONDS_PER_HOUR);
        BigDecimal connectionsLcu = requests.divide(seconds, MC).divide(BigDecimal.valueOf(25), MC);
        BigDecimal gbPerHour = requests.multiply(kbPerRequest).divide(MILLION, MC).divide(periodHours, MC);
        return connectionsLcu.max(gbPerHour).multiply(periodHours);
    }

    /** CloudWatch Logs: the usage's log volume ingested, and stored for the retention period. */
    List<LineItem> logs(Usage u, int retentionDays, FreeAllowance free) {
        BigDecimal monthShare = monthShare();
        BigDecimal ingested = u.logGbPerMonth().multiply(monthShare);
        BigDecimal stored = storedLogGb(u.logGbPerMonth(), retentionDays).multiply(monthShare);
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("logs-ingestion", "CloudWatch Logs ingestion (" + ingested.setScale(1, RoundingMode.HALF_UP)
                        + " GB, free allowance share " + free.logsIngestionGb().setScale(1, RoundingMode.HALF_UP) + " GB)",
                ingested.subtract(free.logsIngestionGb()).max(BigDecimal.ZERO), "GB",
                prices.price(LOGS_INGESTION_GB), LOGS_INGESTION_GB));
        items.add(LineItem.priced("logs-storage", "CloudWatch Logs storage, " + retentionDays
                        + "-day retention", stored.subtract(free.logsStorageGb()).max(BigDecimal.ZERO), "GB-months",
                prices.price(LOGS_STORAGE_GB_MONTH), LOGS_STORAGE_GB_MONTH));
        return items;
    }

    List<LineItem> dataTransferOut(Usage u, FreeAllowance free) {
        BigDecimal dataOut = u.dataOutGbPerMonth().multiply(monthShare());
        return List.of(LineItem.priced("data-transfer-out", "Data transfer out to the internet (" + dataOut.setScale(1, RoundingMode.HALF_UP)
                        + " GB, free allowance share " + free.dataOutGb().setScale(1, RoundingMode.HALF_UP) + " GB)",
                dataOut.subtract(free.dataOutGb()).max(BigDecimal.ZERO), "GB", prices.price(DATA_TRANSFER_OUT_GB),
                DATA_TRANSFER_OUT_GB));
    }

    /**
     * Steady-state stored log volume: each month's logs are kept for the retention period. Billed on
     * the volume as ingested (AWS compresses before billing storage, so this errs high).
     */
    static BigDecimal storedLogGb(BigDecimal gbPerMonth, int retentionDays) {
        return gbPerMonth.multiply(BigDecimal.valueOf(retentionDays)).divide(DAYS_PER_MONTH, MC);
    }

    List<LineItem> thirdParty(Usage u, BigDecimal calls, BigDecimal monthShare) {
        // Twilio through the voice price model the booking ledger uses too: whole minutes per call, speech
        // recognition per speech-enabled Gather in blocks, keypad-only Gathers at their own (zero) price
        VoicePriceModel voice = VoicePriceModel.of(prices, u.llmModel());
        VoiceUsage v = u.voice();
        BigDecimal turns = calls.multiply(BigDecimal.valueOf(u.turnsPerCall()));
        BigDecimal llmCalls = turns.multiply(u.llmShare());
        List<LineItem> items = new ArrayList<>();
        items.add(LineItem.priced("twilio-minutes", "Twilio inbound voice (" + v.billedMinutesPerCall().stripTrailingZeros()
                        .toPlainString() + " billed minutes per call, each call rounded up; " + v.source() + ")",
                calls.multiply(v.billedMinutesPerCall()), "minutes", voice.minutePrice(), TWILIO_INBOUND_MINUTE));
        items.add(LineItem.priced("twilio-speech", "Twilio speech recognition (" + v.speechGathersPerCall()
                        .stripTrailingZeros().toPlainString() + " speech Gathers per call, " + v.speechBlocksPerGather()
                        .stripTrailingZeros().toPlainString() + " 15 s blocks each; " + v.source() + ")",
                calls.multiply(v.speechBlocksPerCall()), "15 s blocks", voice.speechBlockPrice(), TWILIO_SPEECH_15S));
        if (v.keypadGathersPerCall().signum() > 0) {
            items.add(LineItem.priced("twilio-keypad", "Twilio keypad-only Gathers (" + v.keypadGathersPerCall()
                            .stripTrailingZeros().toPlainString() + " per call, no speech charge)",
                    calls.multiply(v.keypadGathersPerCall()), "gathers", voice.keypadGatherPrice(),
                    PriceKeys.TWILIO_DTMF_ONLY_GATHER));
        }
        if (u.phoneNumbers() > 0) {
            items.add(LineItem.priced("twilio-number", "Twilio phone numbers",
                    BigDecimal.valueOf(u.phoneNumbers()).multiply(monthShare), "number-months",
                    voice.numberMonth(), TWILIO_NUMBER_MONTH));
        }
        items.addAll(LlmLines.of(prices, u.llmModel(), llmCalls, u.llmInputTokens(), u.llmOutputTokens()));
        return items;
    }
}
