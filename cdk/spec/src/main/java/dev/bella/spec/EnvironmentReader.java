package dev.bella.spec;

import dev.bella.prices.PriceKeys;
import dev.bella.prices.PriceTable;
import dev.bella.spec.Commitments.Commitment;
import dev.bella.spec.Commitments.Payment;
import dev.bella.spec.Commitments.Term;
import dev.bella.yaml.MapReader;
import dev.bella.yaml.Position;
import dev.bella.yaml.YamlNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads one environment (after {@code extends} has been merged) and checks it against the price table. */
final class EnvironmentReader {

    private static final Map<String, Architecture> ARCHITECTURES = Map.of("x86", Architecture.X86,
            "x86_64", Architecture.X86, "arm64", Architecture.ARM64);
    private static final Map<String, Ingress> INGRESS = Map.of("alb", Ingress.ALB, "http-api", Ingress.HTTP_API);
    private static final Map<String, String> ENGINES = Map.of("postgres", "postgres");
    private static final Map<String, String> STORAGE = Map.of("gp3", "gp3", "gp2", "gp2");
    private static final Map<String, Term> TERMS = Map.of("1y", Term.ONE_YEAR, "3y", Term.THREE_YEARS);
    private static final Map<String, Payment> PAYMENTS = Map.of("no-upfront", Payment.NO_UPFRONT,
            "partial-upfront", Payment.PARTIAL_UPFRONT, "all-upfront", Payment.ALL_UPFRONT);

    // ECR's own rules for repository names and image tags
    private static final java.util.regex.Pattern REPOSITORY =
            java.util.regex.Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("sha256:[0-9a-f]{64}");
    private static final java.util.regex.Pattern CERTIFICATE =
            java.util.regex.Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");

    private final PriceTable prices;
    private final Map<String, Schedule> schedules;
    private final String project;
    /** The spec's top-level {@code timezone}: the zone of the scheduled capacity blocks. */
    private final Optional<java.time.ZoneId> timezone;
    private Optional<java.time.ZoneId> capacityZone = Optional.empty();

    EnvironmentReader(PriceTable prices, Map<String, Schedule> schedules) {
        this(prices, schedules, "bella");
    }

    EnvironmentReader(PriceTable prices, Map<String, Schedule> schedules, String project) {
        this(prices, schedules, project, Optional.empty());
    }

    EnvironmentReader(PriceTable prices, Map<String, Schedule> schedules, String project,
                      Optional<java.time.ZoneId> timezone) {
        this.prices = prices;
        this.schedules = schedules;
        this.project = project;
        this.timezone = timezone;
    }

    Environment read(String name, YamlNode node, Usage usage) {
        MapReader env = node.asMap("environments." + name);
        env.allow("extends", "usage");
        boolean isProtected = env.bool("protected", false);
        // scheduled capacity is in the spec's timezone, else the schedule's (read raw: the key is checked below)
        capacityZone = timezone.or(() -> env.raw("schedule").filter(YamlNode::isScalar)
                .flatMap(n -> n.scalar("schedule")).map(schedules::get).map(Schedule::zone));
        Service service = service(env.map("service"));
        Ingress ingress = env.choice("ingress", INGRESS, Ingress.ALB);
        Network network = network(env.map("network"));
        Database database = database(env.map("database"));
        Cache cache = cache(env);
        Logs logs = logs(env.map("logs"));
        Commitments commitments = commitments(env.map("commitments"), database, cache, service);
        Optional<String> schedule = env.string("schedule");
        schedule.ifPresent(s -> {
            if (!schedules.containsKey(s)) {
                env.problems().add(env.node("schedule").orElseThrow().position(), env.what()
                        + ".schedule: unknown schedule '" + s + "' (expected one of: "
                        + String.join(", ", new java.util.TreeSet<>(schedules.keySet())) + ")");
            } else if (schedules.get(s).cache() == Schedule.CachePolicy.SNAPSHOT_DELETE && (isProtected || name.equals("prod"))) {
                // deleting a cluster changes its endpoint and drops what is not in the snapshot: dev only
                env.problems().add(env.node("schedule").orElseThrow().position(), env.what() + ".schedule: '" + s
                        + "' has cache: snapshot-delete, which is allowed for unprotected environments only; "
                        + "use a schedule with cache: keep");
            }
        });
        Image image = image(env.map("image"), project);
        Optional<String> certificate = certificate(env, ingress);
        Alarms alarms = alarms(env.map("alarms"), database);
        Scheduler scheduler = scheduler(env.map("scheduler"));
        Optional<URI> publicUrl = publicUrl(env);
        Throttle throttle = throttle(env.map("throttle"));
        if (isProtected && ingress == Ingress.ALB && certificate.isEmpty()) {
            // callers' names, numbers and dates would cross the internet in clear text
            env.problems().add(env.positionOf("ingress"), env.what()
                    + ": a protected environment with ingress: alb needs certificate-arn (the load balancer would "
                    + "listen on plain HTTP); add the ACM certificate's ARN or use ingress: http-api");
        }
        env.finish();
        return new Environment(name, isProtected, service, ingress, network, database, cache, logs, commitments,
                schedule, usage, image, certificate, alarms, scheduler, publicUrl, throttle);
    }

    /**
     * The https URL Twilio posts to, when it is not the ingress's own (a custom domain: an ACM certificate
     * never names the ALB's DNS name). The service checks Twilio's signatures against it, so it must be exact.
     */
    private static Optional<URI> publicUrl(MapReader env) {
        return env.string("public-url").flatMap(text -> {
            Position at = env.node("public-url").orElseThrow().position();
            try {
                URI uri = new URI(text);
                if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getQuery() == null
                        && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                    return Optional.of(URI.create("https://" + uri.getRawAuthority()));
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            env.problems().add(at, env.what() + ".public-url: expected an https URL with a host and no path, such as "
                    + "https://voice.example.com, found '" + text + "'");
            return Optional.empty();
        });
    }

    /** API Gateway stage throttling; both values per second, burst at least the rate. */
    private static Throttle throttle(MapReader t) {
        int rate = t.integer("rate-per-second", Throttle.DEFAULT.ratePerSecond(), 1, 10_000);
        int burst = t.integer("burst", Math.max(rate, Throttle.DEFAULT.burst()), 1, 5_000);
        if (burst < rate) {
            t.problems().add(t.positionOf("burst"), t.what() + ".burst: must be at least rate-per-second ("
                    + rate + "), found " + burst);
        }
        t.finish();
        return new Throttle(rate, burst);
    }

    private static Image image(MapReader i, String defaultRepository) {
        String repository = i.string("repository", defaultRepository);
        String tag = i.string("tag", Image.MUTABLE_TAG);
        Optional<String> tarball = i.string("tarball");
        Optional<String> digest = i.string("digest");
        if (tarball.isPresent() && (i.has("repository") || i.has("tag") || i.has("digest"))) {
            i.problems().add(i.node("tarball").orElseThrow().position(), i.what()
                    + ".tarball: a local image tarball has no ECR repository, tag or digest; remove one or the other");
        }
        i.node("digest").ifPresent(n -> {
            if (!DIGEST.matcher(digest.orElse("")).matches()) {
                i.problems().add(n.position(), i.what() + ".digest: '" + digest.orElse("")
                        + "' is not an image digest (sha256: and 64 lower-case hex digits)");
            } else if (i.has("tag")) {
                i.problems().add(n.position(), i.what() + ".digest: give a digest or a tag, not both");
            }
        });
        i.node("repository").ifPresent(n -> {
            if (!REPOSITORY.matcher(repository).matches()) {
                i.problems().add(n.position(), i.what() + ".repository: '" + repository
                        + "' is not an ECR repository name (lower-case letters, digits, . _ - and / between parts)");
            }
        });
        i.node("tag").ifPresent(n -> {
            if (!TAG.matcher(tag).matches()) {
                i.problems().add(n.position(), i.what() + ".tag: '" + tag
                        + "' is not an image tag (letters, digits, . _ -; at most 128; not starting with . or -)");
            }
        });
        i.finish();
        return new Image(repository, tag, tarball, digest);
    }

    private static Optional<String> certificate(MapReader env, Ingress ingress) {
        Optional<String> arn = env.string("certificate-arn");
        arn.ifPresent(a -> {
            Position at = env.node("certificate-arn").orElseThrow().position();
            if (!CERTIFICATE.matcher(a).matches()) {
                env.problems().add(at, env.what() + ".certificate-arn: '" + a
                        + "' is not an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)");
            } else if (ingress != Ingress.ALB) {
                env.problems().add(at, env.what() + ".certificate-arn: only an ALB takes a certificate; this "
                        + "environment has ingress: " + ingress.id() + " (remove the key or use ingress: alb)");
            }
        });
        return arn;
    }

    private static Alarms alarms(MapReader a, Database database) {
        Duration latency = a.duration("p99-latency", Environment.DEFAULT_ALARMS.p99Latency());
        a.node("p99-latency").ifPresent(n -> {
            if (latency.isZero() || latency.isNegative() || latency.compareTo(Duration.ofMinutes(1)) > 0) {
                a.problems().add(n.position(), a.what() + ".p99-latency: expected between 1ms and 60s, found "
                        + latency.toMillis() + "ms");
            }
        });
        int errors = a.integer("error-rate-percent", Environment.DEFAULT_ALARMS.errorRatePercent(), 1, 100);
        int cpu = a.integer("db-cpu-percent", Environment.DEFAULT_ALARMS.dbCpuPercent(), 1, 100);
        int free = a.integer("db-free-storage-gb", Environment.DEFAULT_ALARMS.dbFreeStorageGb(), 1, 65536);
        if (free >= database.storageGb()) {
            a.problems().add(a.node("db-free-storage-gb").map(YamlNode::position).orElse(a.position()), a.what()
                    + ".db-free-storage-gb: " + free + " GB would alarm at once: the database has only "
                    + database.storageGb() + " GB (database.storage-gb)");
        }
        a.finish();
        return new Alarms(latency, errors, cpu, free);
    }

    private Scheduler scheduler(MapReader s) {
        Image image = image(s.map("image"), project + "-cli");
        Duration every = s.duration("every", Duration.ofMinutes(10));
        s.node("every").ifPresent(n -> {
            // EventBridge Scheduler's rate() takes whole minutes; more than an hour would leave an office
            // day's start or end unapplied for too long
            if (every.toSeconds() % 60 != 0 || every.toMinutes() < 1 || every.toMinutes() > 60) {
                s.problems().add(n.position(), s.what() + ".every: expected whole minutes between 1m and 60m, found "
                        + n.scalar(s.what() + ".every").orElse("?"));
            }
        });
        s.finish();
        return new Scheduler(image, every);
    }

    private Service service(MapReader s) {
        Optional<Integer> cpuRead = s.integer("cpu", 256, 16384);
        Optional<Integer> memoryRead = s.integer("memory", 512, 122880);
        int cpu = cpuRead.orElse(256);
        int memory = memoryRead.orElse(512);
        s.node("cpu").ifPresent(n -> {
            if (cpuRead.isPresent() && !FargateSizes.isValidCpu(cpu)) {
                s.problems().add(n.position(), s.what() + ".cpu: " + cpu + " is not a Fargate CPU size; expected one of "
                        + FargateSizes.cpuValues());
            }
        });
        // A value that could not be read is already reported; checking its fallback in its place reported a
        // size the user never wrote (e.g. memory: 2GB gave "512 MiB is not a valid Fargate size").
        boolean readable = (cpuRead.isPresent() || !s.has("cpu")) && (memoryRead.isPresent() || !s.has("memory"));
        if (readable && FargateSizes.isValidCpu(cpu) && !FargateSizes.isValid(cpu, memory)) {
            if (s.has("memory")) {
                s.problems().add(s.node("memory").orElseThrow().position(), s.what() + ".memory: "
                        + memory + " MiB is not a valid Fargate size; " + FargateSizes.describe(cpu));
            } else {
                // no memory written: say it is the default that does not fit, and point at the cpu that rules it out
                s.problems().add(s.node("cpu").map(YamlNode::position).orElse(s.position()), s.what()
                        + ".memory: not set, and the default " + memory + " MiB does not fit; "
                        + FargateSizes.describe(cpu));
            }
        }
        Architecture arch = s.choice("architecture", ARCHITECTURES, Architecture.X86);
        Optional<Integer> desiredRead = s.integer("desired", 0, 1000);
        int desired = desiredRead.orElse(1);
        Position desiredAt = s.node("desired").map(YamlNode::position).orElse(null);
        Autoscaling autoscaling = autoscaling(s.map("autoscaling"), desired, desiredAt,
                desiredRead.isPresent() || !s.has("desired"));
        int spot = s.integer("spot-weight", 0, 0, 100);
        int port = s.integer("port", Service.DEFAULT_PORT, 1, 65535);
        String healthPath = s.string("health-check-path", Service.DEFAULT_HEALTH_CHECK_PATH);
        s.node("health-check-path").ifPresent(n -> {
            if (!healthPath.matches("/[A-Za-z0-9._~/-]*")) {
                s.problems().add(n.position(), s.what() + ".health-check-path: expected a path starting with /, found '"
                        + healthPath + "'");
            }
        });
        Service.RightsizeFloors floors = floors(s.map("rightsize"));
        s.finish();
        return new Service(cpu, memory, arch, desired, autoscaling, spot, port, healthPath, floors);
    }

    private static Service.RightsizeFloors floors(MapReader r) {
        Optional<Integer> minCpu = r.integer("min-cpu", 256, 16384);
        Optional<Integer> minMemory = r.integer("min-memory", 512, 122880);
        minCpu.ifPresent(c -> {
            if (!FargateSizes.isValidCpu(c)) {
                r.problems().add(r.node("min-cpu").orElseThrow().position(), r.what() + ".min-cpu: " + c
                        + " is not a Fargate CPU size; expected one of " + FargateSizes.cpuValues());
            }
        });
        r.finish();
        return new Service.RightsizeFloors(minCpu, minMemory);
    }

    /**
     * {@code desiredAt} is where {@code desired} was written, or null when it was not; {@code desiredReadable}
     * is false when it was written but could not be read (already reported).
     */
    private Autoscaling autoscaling(MapReader a, int desired, Position desiredAt, boolean desiredReadable) {
        Optional<Integer> minRead = a.integer("min", 0, 1000);
        int min = minRead.orElse(desired);
        Optional<Integer> maxRead = a.integer("max", 0, 1000);
        int max = maxRead.orElse(Math.max(desired, min));
        // as for cpu/memory: compare only values that were read, never the fallback of an unreadable one
        boolean readable = (minRead.isPresent() || !a.has("min")) && (maxRead.isPresent() || !a.has("max"));
        if (readable && max < min) {
            a.problems().add(a.node("max").map(YamlNode::position).orElse(a.position()), a.what()
                    + ".max: must be at least min (" + min + "), found " + max);
        } else if (readable && desiredReadable && (a.has("min") && desired < min || a.has("max") && desired > max)) {
            // else-if: with max below min no desired can fit, and that is already reported. Points at desired
            // when it was written, not at the first key of the autoscaling mapping.
            a.problems().add(desiredAt != null ? desiredAt : a.position(), a.what() + ": desired (" + desired
                    + ") must lie between min (" + min + ") and max (" + max + ")");
        }
        int target = a.integer("target-cpu", 70, 1, 100);
        Duration out = a.duration("scale-out-cooldown", Duration.ofSeconds(300));
        Duration in = a.duration("scale-in-cooldown", Duration.ofSeconds(600));
        Optional<Autoscaling.Peak> peak = a.node("peak").map(n -> {
            MapReader p = n.asMap(a.what() + ".peak");
            int extra = p.integer("extra-tasks", 1, 0, 1000);
            int hours = p.integer("hours-per-month", 0, 0, 744);
            if (extra > Math.max(0, max - desired)) {
                p.problems().add(p.node("extra-tasks").map(YamlNode::position).orElse(p.position()), p.what()
                        + ".extra-tasks: " + extra + " would exceed autoscaling max (" + max + ") over desired ("
                        + desired + ")");
            }
            p.finish();
            return new Autoscaling.Peak(extra, hours);
        });
        Autoscaling.Capacity capacity = CapacityReader.read(a, max, capacityZone);
        a.finish();
        return new Autoscaling(min, max, target, out, in, peak, capacity);
    }

    private Network network(MapReader n) {
        Optional<Integer> azsRead = n.integer("availability-zones", 1, 6);
        int azs = azsRead.orElse(2);
        int nat = n.integer("nat-gateways", 0, 0, 6);
        // compare against the zones written, not the fallback of an unreadable value
        if ((azsRead.isPresent() || !n.has("availability-zones")) && nat > azs) {
            n.problems().add(n.node("nat-gateways").orElseThrow().position(), n.what()
                    + ".nat-gateways: at most one per availability zone (" + azs + "), found " + nat);
        }
        n.finish();
        return new Network(azs, nat);
    }

    private Database database(MapReader d) {
        String engine = d.choice("engine", ENGINES, "postgres");
        String instanceClass = d.string("instance-class", "db.t4g.micro");
        int storage = d.integer("storage-gb", 20, 20, 65536);
        String storageType = d.choice("storage-type", STORAGE, "gp3");
        boolean multiAz = d.bool("multi-az", false);
        int backups = d.integer("backup-retention-days", 7, 0, 35);
        String version = d.string("engine-version", Database.DEFAULT_ENGINE_VERSION);
        d.node("engine-version").ifPresent(n -> {
            if (!version.matches("\\d+(\\.\\d+)?")) {
                d.problems().add(n.position(), d.what() + ".engine-version: expected a PostgreSQL version such as 16 or 16.4, found '"
                        + version + "'");
            }
        });
        Database db = new Database(engine, instanceClass, storage, storageType, multiAz, backups, version);
        requirePrice(d, "instance-class", PriceKeys.rdsHour(engine, instanceClass, db.deployment()),
                "RDS instance class '" + instanceClass + "' (" + db.deployment() + ")");
        d.finish();
        return db;
    }

    private Cache cache(MapReader env) {
        Optional<YamlNode> node = env.node("cache");
        if (node.isEmpty()) {
            return new Cache.None();
        }
        if (node.get().isScalar()) {
            String word = node.get().scalar(env.what() + ".cache").orElse("");
            if (!"none".equals(word)) {
                env.problems().add(node.get().position(), env.what()
                        + ".cache: expected none or a mapping {engine: redis, node-type: ...}, found '" + word + "'");
            }
            return new Cache.None();
        }
        MapReader c = node.get().asMap(env.what() + ".cache");
        String engine = c.choice("engine", Map.of("redis", "redis", "none", "none"), "redis");
        String nodeType = c.string("node-type", "cache.t4g.micro");
        int nodes = c.integer("nodes", 1, 1, 20);
        if ("none".equals(engine)) {
            c.finish();
            return new Cache.None();
        }
        requirePrice(c, "node-type", PriceKeys.cacheHour(nodeType), "ElastiCache node type '" + nodeType + "'");
        c.finish();
        return new Cache.Redis(nodeType, nodes);
    }

    private static Logs logs(MapReader l) {
        int retention = l.integer("retention-days", 30, 1, 3653);
        // CloudWatch accepts only these retention periods; anything else fails at deploy time.
        java.util.Set<Integer> allowed = java.util.Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
                731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
        l.node("retention-days").ifPresent(n -> {
            if (!allowed.contains(retention)) {
                l.problems().add(n.position(), l.what() + ".retention-days: CloudWatch accepts only "
                        + new java.util.TreeSet<>(allowed) + ", found " + retention);
            }
        });
        l.finish();
        return new Logs(retention);
    }

    private Commitments commitments(MapReader c, Database db, Cache cache, Service service) {
        Commitment dbc = commitment(c.map("database"));
        Commitment cc = commitment(c.map("cache"));
        Optional<ComputeSavingsPlan> compute = c.has("compute") ? computePlan(c, service) : Optional.empty();
        if (dbc.coveragePercent() > 0) {
            requirePrice(c, "database", PriceKeys.rdsReservedHour(db.engine(), db.instanceClass(), db.deployment(),
                    dbc.term().id(), dbc.payment().id()), reservation(dbc, db.instanceClass()));
        }
        if (cc.coveragePercent() > 0) {
            if (cache instanceof Cache.Redis r) {
                requirePrice(c, "cache", PriceKeys.cacheReservedHour(r.nodeType(), cc.term().id(), cc.payment().id()),
                        reservation(cc, r.nodeType()));
            } else {
                c.problems().add(c.positionOf("cache"), c.what() + ".cache: a reservation needs a cache; this environment has cache: none");
            }
        }
        c.finish();
        return new Commitments(dbc, cc, compute);
    }

    /** {@code compute: {commitment-usd-per-hour, term, payment}}; its Fargate rates must be in the price table. */
    private Optional<ComputeSavingsPlan> computePlan(MapReader c, Service service) {
        MapReader m = c.map("compute");
        Optional<BigDecimal> perHour = m.decimal("commitment-usd-per-hour", new BigDecimal("0.001"), null);
        if (perHour.isEmpty() && !m.has("commitment-usd-per-hour")) {
            m.problems().add(m.position(), m.what() + ": missing required key 'commitment-usd-per-hour' (USD per hour, "
                    + "e.g. 0.01)");
        }
        String term = m.choice("term", Map.of("1y", "1y", "3y", "3y"), "1y");
        String payment = m.choice("payment", Map.of("no-upfront", "no-upfront", "partial-upfront", "partial-upfront",
                "all-upfront", "all-upfront"), "no-upfront");
        m.finish();
        String arch = service.architecture().id();
        for (String key : new String[] {PriceKeys.fargateSavingsPlanVcpuHour(arch, term, payment),
                PriceKeys.fargateSavingsPlanGbHour(arch, term, payment)}) {
            if (prices != null && !prices.has(key)) {
                c.problems().add(c.node("compute").map(YamlNode::position).orElse(c.position()), c.what()
                        + ".compute: a Compute Savings Plan (" + term + " " + payment + ") for " + arch + " Fargate has no "
                        + "rate in " + prices.name() + " (" + key + "); `bella prices refresh` reads it from the Savings "
                        + "Plans API, or add it with its source and date");
                break;
            }
        }
        return perHour.map(h -> new ComputeSavingsPlan(h, term, payment));
    }

    private static Commitment commitment(MapReader m) {
        int coverage = m.integer("coverage-percent", 0, 0, 100);
        Term term = m.choice("term", TERMS, Term.ONE_YEAR);
        Payment payment = m.choice("payment", PAYMENTS, Payment.NO_UPFRONT);
        m.finish();
        return new Commitment(coverage, term, payment);
    }

    private static String reservation(Commitment c, String type) {
        return "a " + c.term().words() + " " + c.payment().id() + " reservation of " + type;
    }

    private void requirePrice(MapReader m, String key, String priceKey, String what) {
        if (prices != null && !prices.has(priceKey)) {
            m.problems().add(m.node(key).map(YamlNode::position).orElse(m.position()), m.what() + "." + key + ": "
                    + what + " has no price in " + prices.name() + " (" + priceKey
                    + "); use a class, term and payment the table lists, or refresh it (`bella prices refresh`)");
        }
    }
}
