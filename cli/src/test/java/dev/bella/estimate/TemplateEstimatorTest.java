package dev.bella.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bella.report.Category;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.LineItem;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.template.TemplateSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Template pricing agrees with the spec estimate line by line on templates in the shape CDK synthesizes
 * for configs/bella.yaml (src/test/resources/templates/assembly; the real synth replaces them at merge),
 * and lists what it cannot price.
 */
class TemplateEstimatorTest {

    static final Path TEMPLATES = Path.of("src/test/resources/templates");
    static final Spec TARGET = new SpecLoader().load(Path.of("../configs/bella.yaml"));
    static final Spec BASELINE = new SpecLoader().load(Path.of("../configs/examples/baseline.yaml"));

    static EstimatePeriod period() {
        return EstimatePeriod.averageMonth(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void prodTemplatePricesLikeTheSpecLineByLine() {
        CostReport fromSpec = new EstimateEngine().estimate(TARGET, period(), Optional.of("prod"));
        CostReport fromTemplate = new TemplateEstimator().estimate(TARGET, period(), List.of("prod"),
                TemplateSource.at(TEMPLATES.resolve("assembly/prod")));

        EnvironmentCost spec = fromSpec.environments().getFirst();
        EnvironmentCost template = fromTemplate.environments().getFirst();
        assertThat(lines(template)).containsExactlyElementsOf(lines(spec));
        assertThat(template).isEqualTo(spec);
        assertThat(fromTemplate.awsTotal()).isEqualByComparingTo(fromSpec.awsTotal()).isPositive();
        assertThat(fromTemplate.budget()).isEqualTo(fromSpec.budget());
        assertThat(fromTemplate.costPerCall()).isEqualTo(fromSpec.costPerCall());
    }

    @Test
    void bothEnvironmentsFromAFolderOfAssembliesShareTheFreeAllowancesLikeTheSpec() {
        CostReport fromSpec = new EstimateEngine().estimate(TARGET, period(), Optional.empty());
        CostReport fromTemplate = new TemplateEstimator().estimate(TARGET, period(), List.of("dev", "prod"),
                TemplateSource.at(TEMPLATES.resolve("assembly")));
        assertThat(fromTemplate.environments()).isEqualTo(fromSpec.environments());
        // dev: 80% of the task hours on Spot, the scheduled hours only
        EnvironmentCost dev = fromTemplate.environments().getFirst();
        assertThat(dev.name()).isEqualTo("dev");
        assertThat(dev.runningHours()).isLessThan(new BigDecimal("730"));
        assertThat(ids(dev, Category.COMPUTE)).contains("fargate-spot-vcpu", "fargate-vcpu", "scheduler-vcpu",
                "scheduler-memory");
    }

    @Test
    void theSchedulerIsPricedFromItsScheduleTaskAndLogGroup() throws IOException {
        // the schedule every 15 minutes and an x86 task of 0.5 vCPU / 1 GB without a public address
        Path dir = Files.createTempDirectory("bella-template");
        String json = Files.readString(TEMPLATES.resolve("assembly/dev/bella-dev.template.json"))
                .replace("\"rate(10 minutes)\"", "\"rate(15 minutes)\"")
                .replace("\"Cpu\": \"256\"", "\"Cpu\": \"512\"").replace("\"Memory\": \"512\"", "\"Memory\": \"1024\"");
        ObjectNode t = (ObjectNode) new ObjectMapper().readTree(json);
        ObjectNode task = (ObjectNode) t.at("/Resources/SchedulerTaskDefC0FFEE01/Properties");
        ((ObjectNode) task.get("RuntimePlatform")).put("CpuArchitecture", "X86_64");
        ((ObjectNode) t.at("/Resources/DevSchedule7E3F1A2B/Properties/Target/EcsParameters/NetworkConfiguration/"
                + "AwsvpcConfiguration")).put("AssignPublicIp", "DISABLED");
        Files.writeString(dir.resolve("bella-dev.template.json"), t.toString());

        EnvironmentCost dev = new TemplateEstimator().estimate(TARGET, period(), List.of("dev"),
                        TemplateSource.at(dir.resolve("bella-dev.template.json")))
                .environments().getFirst();
        LineItem vcpu = dev.category(Category.COMPUTE).orElseThrow().items().stream()
                .filter(i -> i.id().equals("scheduler-vcpu")).findFirst().orElseThrow();
        // 730 h x 4 = 2,920 runs x 60 s = 48.67 task-hours x 0.5 vCPU = 24.33 vCPU-hours at the x86 price
        assertThat(vcpu.quantity()).isCloseTo(new BigDecimal("24.3333"), within(new BigDecimal("0.0001")));
        // x 0.04456 (ca-central-1, x86) = 1.0843
        assertThat(vcpu.amount()).isEqualByComparingTo("1.08");
        assertThat(vcpu.priceKey()).contains("fargate.x86.vcpu-hour");
        assertThat(ids(dev, Category.NETWORKING)).doesNotContain("scheduler-public-ipv4");
        assertThat(ids(dev, Category.STORAGE_AND_LOGS)).contains("scheduler-logs-ingestion", "scheduler-logs-storage");
    }

    @Test
    void whatCannotBePricedIsListedNotDropped() {
        CostReport r = new TemplateEstimator().estimate(TARGET, period(), List.of("dev"),
                TemplateSource.at(TEMPLATES.resolve("assembly/dev")));
        assertThat(r.notes()).contains(
                "unpriced: bella-dev/NamespaceA1F2E3D4 (AWS::ServiceDiscovery::PrivateDnsNamespace): no price for this type in "
                        + "the estimate model",
                "unpriced: bella-dev/DatabaseSecret3B817195 (AWS::SecretsManager::Secret): no price for this type in the "
                        + "estimate model",
                "unpriced: bella-dev/AlarmTopicD01E77F9 (AWS::SNS::Topic): no price for this type in the estimate model");
        // the scheduler's schedule, task and log group are priced (SchedulerRuns), not listed
        assertThat(r.notes()).noneMatch(n -> n.contains("DevSchedule7E3F1A2B") || n.contains("SchedulerTaskDefC0FFEE01")
                || n.contains("SchedulerLogsB0B0CAFE"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("not billed by AWS: 16 resources (AWS::ApiGatewayV2::Integration"));
    }

    @Test
    void aHandWrittenYamlTemplateIsPricedFromWhatItDeploys() {
        CostReport r = new TemplateEstimator().estimate(BASELINE, period(), List.of("prod"),
                TemplateSource.at(TEMPLATES.resolve("seed-stack.yaml")));
        EnvironmentCost prod = r.environments().getFirst();
        // 1 vCPU / 2 GB x86 on demand, no public IP (private subnets behind the NAT gateway)
        assertThat(ids(prod, Category.COMPUTE)).containsExactly("fargate-vcpu", "fargate-memory");
        assertThat(line(prod, "fargate-vcpu").quantity()).isEqualByComparingTo("730");
        assertThat(line(prod, "fargate-vcpu").description()).isEqualTo("Fargate vCPU, 1 vCPU / 2 GB x86");
        // StorageType absent: CloudFormation's gp2
        assertThat(line(prod, "rds-storage").priceKey()).contains("rds.storage.gp2.gb-month");
        assertThat(line(prod, "elasticache-on-demand").priceKey()).contains("elasticache.cache.t3.micro.on-demand");
        assertThat(ids(prod, Category.NETWORKING)).containsExactly("alb-hours", "alb-lcu", "alb-public-ipv4",
                "nat-hours", "nat-data");
        assertThat(line(prod, "alb-public-ipv4").quantity()).isEqualByComparingTo("1460"); // two subnets
        // RetentionInDays is !Ref RetentionDays, whose default is 90
        assertThat(line(prod, "logs-storage").description()).isEqualTo("CloudWatch Logs storage, 90-day retention");
        assertThat(r.notes()).contains(
                "unpriced: seed-stack/NatIp (AWS::EC2::EIP): no price for this type in the estimate model",
                "unpriced: seed-stack/AuditLogs (AWS::Logs::LogGroup): the usage assumptions give the volume of the service's "
                        + "log group only",
                "unpriced: seed-stack/Cleanup (AWS::Lambda::Function): no price for this type in the estimate model");
    }

    private static List<LineItem> lines(EnvironmentCost e) {
        return e.categories().stream().flatMap(c -> c.items().stream()).toList();
    }

    private static List<String> ids(EnvironmentCost e, Category c) {
        return e.category(c).orElseThrow().items().stream().map(LineItem::id).toList();
    }

    private static LineItem line(EnvironmentCost e, String id) {
        return lines(e).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
