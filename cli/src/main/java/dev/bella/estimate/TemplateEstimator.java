package dev.bella.estimate;

import dev.bella.prices.MissingPriceException;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Architecture;
import dev.bella.spec.Autoscaling;
import dev.bella.spec.Cache;
import dev.bella.spec.Database;
import dev.bella.spec.Environment;
import dev.bella.spec.Service;
import dev.bella.spec.Spec;
import dev.bella.template.Ecs;
import dev.bella.template.Resource;
import dev.bella.template.StackSet;
import dev.bella.template.TemplateException;
import dev.bella.template.TemplateSource;
import dev.bella.template.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices synthesized CloudFormation templates with the estimate's own line items, price table and usage
 * assumptions: the template says what is deployed (task size, instance class, ingress, NAT gateways,
 * retention), the spec's environment says how it is used (calls, log volume, schedule, reservations). A
 * resource it cannot price is listed in the report's notes as unpriced, never dropped.
 */
public final class TemplateEstimator {

    /** EventBridge Scheduler's rate expression: {@code rate(10 minutes)}. */
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minutes?|hours?|days?)\\)");

    /** Types AWS does not bill for by themselves (their cost, if any, is in the resource they serve). */
    static final Set<String> NOT_BILLED = Set.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::SubnetRouteTableAssociation",
            "AWS::EC2::Route", "AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::SecurityGroup",
            "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::ECS::Cluster",
            "AWS::ECS::ClusterCapacityProviderAssociations", "AWS::RDS::DBSubnetGroup", "AWS::RDS::DBParameterGroup",
            "AWS::ElastiCache::SubnetGroup", "AWS::ElastiCache::ParameterGroup", "AWS::ElasticLoadBalancingV2::Listener",
            "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::TargetGroup",
            "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy",
            "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Stage",
            "AWS::SNS::Subscription", "AWS::SecretsManager::SecretTargetAttachment", "AWS::CDK::Metadata");

    /** Prices the given environments from their templates; a missing template is an error naming the environment. */
    public CostReport estimate(Spec spec, EstimatePeriod period, List<String> environments, TemplateSource source) {
        EnvironmentEstimator estimator = new EnvironmentEstimator(spec.prices(), period.hours());
        List<Environment> envs = environments.stream().map(n -> spec.environment(n).orElseThrow()).toList();
        List<Shape> shapes = new ArrayList<>();
        for (Environment env : envs) {
            StackSet stacks = source.stacks(spec, env.name()).orElseThrow(() -> new TemplateException(
                    "no template for environment '" + env.name() + "'; pass --template"));
            shapes.add(new Shape(env, stacks));
        }
        BigDecimal monthShare = estimator.monthShare();
        List<FreeAllowance> free = FreeAllowance.share(spec.prices(), monthShare, shapes.stream()
                .map(s -> new FreeAllowance.Use(s.env.usage().logGbPerMonth(),
                        EnvironmentEstimator.storedLogGb(s.env.usage().logGbPerMonth(), s.retentionDays()),
                        s.env.usage().dataOutGbPerMonth())).toList());
        List<EnvironmentCost> costs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("prices: " + spec.prices().name());
        for (int i = 0; i < shapes.size(); i++) {
            Shape shape = shapes.get(i);
            BigDecimal running = spec.scheduleOf(shape.env).map(period::runningHours).orElse(period.hours());
            costs.add(shape.price(estimator, running, free.get(i)));
            notes.add("priced from the template: " + shape.stacks.source() + " (environment " + shape.env.name()
                    + "; usage, schedule and reservations from the spec)");
            if (!shape.notBilled.isEmpty()) {
                notes.add("not billed by AWS: " + shape.notBilled.size() + " resources ("
                        + String.join(", ", new TreeSet<>(shape.notBilled.stream().map(Resource::type).toList())) + ")");
            }
            shape.unpriced.forEach(u -> notes.add("unpriced: " + u));
        }
        return EstimateEngine.report(spec, period, costs, notes);
    }

    /** What one environment's templates deploy, resource by resource. */
    private static final class Shape {

        final Environment env;
        final StackSet stacks;
        final List<Resource> notBilled = new ArrayList<>();
        final List<String> unpriced = new ArrayList<>();
        private final Set<Resource> accounted = new LinkedHashSet<>();

        Shape(Environment env, StackSet stacks) {
            this.env = env;
            this.stacks = stacks;
        }

        /** The log group the service's containers write to; usage's log volume goes there. */
        Optional<Resource> serviceLogGroup() {
            List<Resource> groups = stacks.ofType("AWS::Logs::LogGroup");
            for (Resource service : stacks.ofType("AWS::ECS::Service")) {
                Optional<Resource> task = taskDefinition(service);
                if (task.isPresent()) {
                    for (Resource g : groups) {
                        if (task.get().refersTo(g)) {
                            return Optional.of(g);
                        }
                    }
                }
            }
            return groups.size() == 1 ? Optional.of(groups.getFirst()) : Optional.empty();
        }

        int retentionDays() {
            return serviceLogGroup().flatMap(g -> g.value("RetentionInDays").integer()).map(Long::intValue)
                    .orElse(env.logs().retentionDays());
        }

        Optional<Resource> taskDefinition(Resource service) {
            return Ecs.taskDefinition(service);
        }

        EnvironmentCost price(EnvironmentEstimator est, BigDecimal runningHours, FreeAllowance free) {
            Map<Category, List<LineItem>> lines = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                lines.put(c, new ArrayList<>());
            }
            BigDecimal calls = est.calls(env.usage());
            BigDecimal monthShare = est.monthShare();
            Map<Resource, BigDecimal> taskHours = new java.util.HashMap<>();
            for (Resource service : stacks.ofType("AWS::ECS::Service")) {
                attempt(service, () -> {
                    Resource task = taskDefinition(service).orElseThrow(() -> new CannotPrice(
                            "its TaskDefinition is " + service.value("TaskDefinition").describe()));
                    Service s = service(service, task);
                    boolean publicIp = "ENABLED".equals(service.value("NetworkConfiguration", "AwsvpcConfiguration",
                            "AssignPublicIp").text().orElse("DISABLED"));
                    lines.get(Category.COMPUTE).addAll(est.fargate(s, runningHours, publicIp));
                    taskHours.put(service, EnvironmentEstimator.taskHours(s, runningHours));
                    accounted.add(task);
                });
            }
            // the dev scheduler's one-off task, run by an EventBridge schedule rather than a service
            SchedulerRuns runs = est.schedulerRuns();
            List<SchedulerRuns.Task> schedulers = new ArrayList<>();
            for (Resource schedule : stacks.ofType("AWS::Scheduler::Schedule")) {
                attempt(schedule, () -> {
                    SchedulerRuns.Task t = schedulerTask(schedule);
                    lines.get(Category.COMPUTE).addAll(runs.compute(t));
                    schedulers.add(t);
                });
            }
            for (Resource db : stacks.ofType("AWS::RDS::DBInstance")) {
                attempt(db, () -> lines.get(Category.DATABASE).addAll(est.database(database(db),
                        env.commitments().database(), runningHours, monthShare)));
            }
            for (Resource cache : stacks.ofType("AWS::ElastiCache::CacheCluster")) {
                attempt(cache, () -> {
                    String engine = cache.value("Engine").text().orElse("");
                    if (!engine.equals("redis") && !engine.equals("valkey")) {
                        throw new CannotPrice("engine " + cache.value("Engine").describe() + " has no price (redis only)");
                    }
                    String node = cache.value("CacheNodeType").text().orElseThrow(() -> new CannotPrice(
                            "CacheNodeType is " + cache.value("CacheNodeType").describe()));
                    int nodes = cache.value("NumCacheNodes").integer().map(Long::intValue).orElse(1);
                    lines.get(Category.CACHE).addAll(est.cache(new Cache.Redis(node, nodes), env.commitments().cache()));
                });
            }
            List<LineItem> networking = lines.get(Category.NETWORKING);
            for (Resource lb : stacks.ofType("AWS::ElasticLoadBalancingV2::LoadBalancer")) {
                attempt(lb, () -> {
                    String type = lb.value("Type").text().orElse("application");
                    if (!type.equals("application")) {
                        throw new CannotPrice("a " + type + " load balancer has no price (application only)");
                    }
                    networking.addAll(est.alb(availabilityZones(lb), env.usage(), calls));
                });
            }
            for (Resource api : stacks.ofType("AWS::ApiGatewayV2::Api")) {
                attempt(api, () -> {
                    if (!api.value("ProtocolType").text().orElse("").equals("HTTP")) {
                        throw new CannotPrice("ProtocolType " + api.value("ProtocolType").describe()
                                + " has no price (HTTP APIs only)");
                    }
                    networking.addAll(est.httpApi(env.usage(), calls));
                });
            }
            for (Resource link : stacks.ofType("AWS::ApiGatewayV2::VpcLink")) {
                attempt(link, () -> networking.addAll(est.vpcLink()));
            }
            for (Resource discovery : stacks.ofType("AWS::ServiceDiscovery::Service")) {
                attempt(discovery, () -> {
                    BigDecimal hours = taskHours.entrySet().stream().filter(e -> e.getKey().refersTo(discovery))
                            .map(Map.Entry::getValue).reduce(BigDecimal::add).orElseThrow(() -> new CannotPrice(
                                    "no priced ECS service registers its tasks in it"));
                    networking.addAll(est.cloudMap(hours));
                });
            }
            List<Resource> nats = stacks.ofType("AWS::EC2::NatGateway");
            accounted.addAll(nats);
            networking.addAll(est.nat(nats.size(), env.usage()));
            Optional<Resource> logGroup = serviceLogGroup();
            logGroup.ifPresent(g -> attempt(g, () -> {
                Value retention = g.value("RetentionInDays");
                if (retention instanceof Value.Absent) {
                    throw new CannotPrice("no RetentionInDays: logs are kept forever and storage grows without bound");
                }
                int days = retention.integer().map(Long::intValue).orElseThrow(() -> new CannotPrice(
                        "RetentionInDays is " + retention.describe()));
                lines.get(Category.STORAGE_AND_LOGS).addAll(est.logs(env.usage(), days, free));
            }));
            // not resources: what the usage assumptions say leaves for the internet and goes to Twilio and OpenAI
            lines.get(Category.STORAGE_AND_LOGS).addAll(est.dataTransferOut(env.usage(), free));
            // in the spec estimate's order, so the two list the same lines
            for (SchedulerRuns.Task t : schedulers) {
                lines.get(Category.NETWORKING).addAll(runs.network(t));
                lines.get(Category.STORAGE_AND_LOGS).addAll(runs.logs(t));
            }
            lines.get(Category.THIRD_PARTY_APIS).addAll(est.thirdParty(env.usage(), calls, monthShare));
            for (Resource r : stacks.resources()) {
                if (accounted.contains(r)) {
                    continue;
                }
                if (NOT_BILLED.contains(r.type())) {
                    notBilled.add(r);
                } else if (r.type().equals("AWS::Logs::LogGroup")) {
                    unpriced.add(r.label() + ": the usage assumptions give the volume of the service's log group only");
                } else if (r.type().equals("AWS::ECS::TaskDefinition")) {
                    unpriced.add(r.label() + ": neither an ECS service nor an EventBridge schedule runs it");
                } else {
                    unpriced.add(r.label() + ": no price for this type in the estimate model");
                }
            }
            List<CategoryCost> categories = new ArrayList<>();
            lines.forEach((c, items) -> {
                if (!items.isEmpty()) {
                    categories.add(CategoryCost.of(c, items));
                }
            });
            return EnvironmentEstimator.cost(env.name(), runningHours, calls, categories);
        }

        /** Prices one resource, or lists it as unpriced with the reason; a failure never drops it silently. */
        private void attempt(Resource r, Runnable pricing) {
            accounted.add(r);
            try {
                pricing.run();
            } catch (CannotPrice e) {
                unpriced.add(r.label() + ": " + e.getMessage());
            } catch (MissingPriceException e) {
                unpriced.add(r.label() + ": " + e.getMessage());
            }
        }

        /**
         * The spec's view of a service as the template deploys it; the peak profile and the scheduled minimum are
         * taken from the spec, as usage assumptions (the template's scheduled actions are not read back).
         */
        private Service service(Resource service, Resource task) {
            int cpu = required(task, "Cpu");
            int memory = required(task, "Memory");
            Architecture architecture = architecture(task);
            int desired = service.value("DesiredCount").integer().map(Long::intValue).orElse(1);
            Optional<Resource> target = stacks.referring("AWS::ApplicationAutoScaling::ScalableTarget", service)
                    .stream().findFirst();
            Autoscaling scaling = target.map(t -> new Autoscaling(
                            t.value("MinCapacity").integer().map(Long::intValue).orElse(desired),
                            t.value("MaxCapacity").integer().map(Long::intValue).orElse(desired), 0, Duration.ZERO,
                            Duration.ZERO, env.service().autoscaling().peak(), env.service().autoscaling().capacity()))
                    .orElse(new Autoscaling(desired, desired, 0, Duration.ZERO, Duration.ZERO, Optional.empty()));
            return new Service(cpu, memory, architecture, desired, scaling, Ecs.spotPercent(service));
        }

        /**
         * The scheduler as the template deploys it: the schedule's rate, its task's size and architecture, whether
         * the task gets a public address, its log group's retention; how long a run lasts and what it logs are the
         * spec's usage assumptions.
         */
        private SchedulerRuns.Task schedulerTask(Resource schedule) {
            Resource task = stacks.ofType("AWS::ECS::TaskDefinition").stream().filter(schedule::refersTo).findFirst()
                    .orElseThrow(() -> new CannotPrice("its target runs no ECS task definition of these templates"));
            accounted.add(task);
            Value expression = schedule.value("ScheduleExpression");
            Matcher rate = RATE.matcher(expression.text().orElse(""));
            if (!rate.matches()) {
                throw new CannotPrice("ScheduleExpression is " + expression.describe() + " (only rate() is priced)");
            }
            long n = Long.parseLong(rate.group(1));
            Duration every = switch (rate.group(2)) {
                case "minute", "minutes" -> Duration.ofMinutes(n);
                case "hour", "hours" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            boolean publicIp = "ENABLED".equals(schedule.value("Target", "EcsParameters", "NetworkConfiguration",
                    "AwsvpcConfiguration", "AssignPublicIp").text().orElse("DISABLED"));
            // a task that logs nowhere in CloudWatch costs nothing there
            Optional<Resource> group = stacks.ofType("AWS::Logs::LogGroup").stream().filter(task::refersTo).findFirst();
            group.ifPresent(accounted::add);
            int retention = group.map(g -> g.value("RetentionInDays").integer().map(Long::intValue).orElseThrow(() ->
                    new CannotPrice(g.label() + " RetentionInDays is " + g.value("RetentionInDays").describe()))).orElse(0);
            return new SchedulerRuns.Task(every, required(task, "Cpu"), required(task, "Memory"),
                    architecture(task).id(), publicIp, retention, env.usage().schedulerRunSeconds(),
                    group.isPresent() ? env.usage().schedulerLogBytesPerRun() : 0);
        }

        private static Architecture architecture(Resource task) {
            String arch = Ecs.architecture(task);
            return switch (arch) {
                case "ARM64" -> Architecture.ARM64;
                case "X86_64" -> Architecture.X86;
                default -> throw new CannotPrice(task.label() + " RuntimePlatform.CpuArchitecture is " + arch);
            };
        }

        private static int required(Resource r, String property) {
            Value v = r.value(property);
            return v.integer().map(Long::intValue).orElseThrow(() -> new CannotPrice(r.logicalId() + " " + property
                    + " is " + v.describe()));
        }

        private Database database(Resource db) {
            String engine = db.value("Engine").text().orElse("");
            if (!engine.equals("postgres")) {
                throw new CannotPrice("engine " + db.value("Engine").describe() + " has no price (postgres only)");
            }
            String cls = db.value("DBInstanceClass").text().orElseThrow(() -> new CannotPrice(
                    "DBInstanceClass is " + db.value("DBInstanceClass").describe()));
            int storage = required(db, "AllocatedStorage");
            // CloudFormation's defaults: gp2 storage, single-AZ
            String type = db.value("StorageType").text().orElse("gp2");
            boolean multiAz = db.value("MultiAZ").text().map(Boolean::parseBoolean).orElse(false);
            int backup = db.value("BackupRetentionPeriod").integer().map(Long::intValue).orElse(1);
            return new Database(engine, cls, storage, type, multiAz, backup);
        }

        /** An ALB has a node, and a public IPv4 address, in each subnet it is placed in. */
        private static int availabilityZones(Resource lb) {
            var subnets = lb.raw("Subnets");
            var mappings = lb.raw("SubnetMappings");
            int n = subnets.isArray() ? subnets.size() : mappings.isArray() ? mappings.size() : 0;
            if (n == 0) {
                throw new CannotPrice("its Subnets are " + lb.value("Subnets").describe() + "; cannot count its AZs");
            }
            return n;
        }
    }

    /** A resource the model cannot price, with the reason. */
    private static final class CannotPrice extends RuntimeException {
        CannotPrice(String reason) {
            super(reason, null, false, false);
        }
    }
}
