package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

class PhasesCommandTest {

    static final String TARGET = "../configs/bella.yaml";
    static final String BASELINE = "../configs/examples/baseline.yaml";
    static final Path ASSEMBLY = Path.of("src/test/resources/templates/assembly");
    static final ObjectMapper JSON = new ObjectMapper();

    /** A spec that every case's policy passes until the case breaks it. */
    static final String SPEC = """
            region: ca-central-1
            environments:
              prod:
                protected: true
                service: {cpu: 512, memory: 1024, architecture: arm64, desired: 1,
                          autoscaling: {min: 1, max: 5, target-cpu: 70}}
                ingress: http-api
                database: {instance-class: db.t4g.micro, storage-gb: 20, storage-type: gp3}
                cache: none
                logs: {retention-days: 30}
                commitments: {database: {coverage-percent: 100}}
              dev:
                extends: prod
                protected: false
                service: {spot-weight: 80, autoscaling: {min: 1, max: 1}}
                commitments: {database: {coverage-percent: 0}}
                schedule: office-hours
            schedules:
              office-hours: {timezone: America/Toronto, running: [{days: mon-fri, from: "07:00", to: "19:00"}]}
            budget: {monthly-limit: 150, notify: [ops@example.com]}
            usage: {llm-cache: true, response-compression: true}
            phases:
              - id: p1
                title: One
                items:
                  - id: it
                    title: The item
                    policy: %s
            """;

    @TempDir
    Path dir;

    /**
     * @param specEdit     what the case changes in {@link #SPEC}
     * @param templateEnv  when set, the case runs with --template on a copy of the fixture assemblies, this
     *                     environment's template changed by {@code templateEdit} (its Resources mapping)
     */
    record Case(String name, String policy, UnaryOperator<String> specEdit, String templateEnv,
                Consumer<ObjectNode> templateEdit, String failure) {
        static Case spec(String name, String policy, String from, String to, String failure) {
            return new Case(name, policy, s -> replaced(s, from, to), null, null, failure);
        }

        static Case template(String name, String policy, String env, Consumer<ObjectNode> edit, String failure) {
            return new Case(name, policy, UnaryOperator.identity(), env, edit, failure);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static String replaced(String s, String from, String to) {
        assertThat(s).contains(from);
        return s.replace(from, to);
    }

    static Stream<Case> violations() {
        return Stream.of(
                Case.spec("logs kept 90 days", "{log-retention-max-days: 30}", "retention-days: 30", "retention-days: 90",
                        "FAIL it log-retention-max-days [prod] spec environments.prod.logs.retention-days: expected at most "
                                + "30 days, found 90 days"),
                Case.spec("1 vCPU / 2 GB", "{task-size-max: {cpu: 512, memory: 1024}}", "cpu: 512, memory: 1024",
                        "cpu: 1024, memory: 2048", "FAIL it task-size-max [prod] spec environments.prod.service.cpu: "
                                + "expected at most 512, found 1024"),
                Case.spec("autoscaling max 10", "{autoscaling: {min: 1, max: 5, target-cpu: 70}}", "max: 5", "max: 10",
                        "FAIL it autoscaling [prod] spec environments.prod.service.autoscaling.max: expected at most 5, "
                                + "found 10"),
                Case.spec("autoscaling target 50", "{autoscaling: {min: 1, max: 5, target-cpu: 70}}", "target-cpu: 70",
                        "target-cpu: 50", "FAIL it autoscaling [prod] spec environments.prod.service.autoscaling.target-cpu: "
                                + "expected 70, found 50"),
                Case.spec("no schedule on dev", "{dev-schedule: required}", "    schedule: office-hours\n", "",
                        "FAIL it dev-schedule [dev] spec environments.dev.schedule: expected a schedule (stopped after "
                                + "hours), found none (runs 24/7)"),
                Case.spec("no dev environment at all", "{dev-schedule: required}", "    protected: false\n",
                        "    protected: true\n", "FAIL it dev-schedule [-] spec environments: expected an unprotected "
                                + "(development) environment with a schedule, found none (environments: dev, prod)"),
                Case.spec("dev on demand", "{spot-weight-min: 80}", "spot-weight: 80", "spot-weight: 0",
                        "FAIL it spot-weight-min [dev] spec environments.dev.service.spot-weight: expected at least 80%, "
                                + "found 0%"),
                Case.spec("no LLM cache", "{llm-cache: required}", "llm-cache: true", "llm-cache: false",
                        "FAIL it llm-cache [prod] spec usage.llm-cache (prod): expected true (the service caches LLM "
                                + "answers), found false"),
                Case.spec("uncompressed responses", "{response-compression: required}", "response-compression: true",
                        "response-compression: false", "FAIL it response-compression [dev] spec usage.response-compression "
                                + "(dev): expected true (gzip responses), found false"),
                Case.spec("over the monthly estimate", "{monthly-estimate-max: 40, env: prod}", "cpu: 512, memory: 1024",
                        "cpu: 1024, memory: 2048", "FAIL it monthly-estimate-max [prod] monthly AWS estimate of prod "
                                + "(estimated from the spec): expected at most $40, found $47.09"),
                Case.spec("an ALB", "{ingress: http-api, env: prod}", "ingress: http-api", "ingress: alb\n    "
                        + "certificate-arn: arn:aws:acm:ca-central-1:123456789012:certificate/abc",
                        "FAIL it ingress [prod] spec environments.prod.ingress: expected http-api, found alb"),
                Case.spec("x86 tasks", "{architecture: arm64, env: prod}", "architecture: arm64", "architecture: x86",
                        "FAIL it architecture [prod] spec environments.prod.service.architecture: expected arm64, found x86"),
                Case.spec("no reservation", "{reserved-coverage-min: 80}", "commitments: {database: {coverage-percent: 100}}",
                        "commitments: {database: {coverage-percent: 50}}", "FAIL it reserved-coverage-min [prod] spec "
                                + "environments.prod.commitments.database.coverage-percent: expected at least 80%, found 50%"),
                Case.spec("no one to notify", "{budget-alarms: required}", "notify: [ops@example.com]", "notify: []",
                        "FAIL it budget-alarms [-] budget.notify: expected at least one address, found none"),
                Case.template("template: logs kept 90 days", "{log-retention-max-days: 30}", "prod",
                        r -> props(r, "ServiceLogGroup9D8C4B1E").put("RetentionInDays", 90),
                        "FAIL it log-retention-max-days [prod] bella-prod/ServiceLogGroup9D8C4B1E (AWS::Logs::LogGroup) "
                                + "RetentionInDays: expected at most 30, found 90"),
                Case.template("template: logs kept forever", "{log-retention-max-days: 30}", "dev",
                        r -> props(r, "ServiceLogGroup9D8C4B1E").remove("RetentionInDays"),
                        "FAIL it log-retention-max-days [dev] bella-dev/ServiceLogGroup9D8C4B1E (AWS::Logs::LogGroup) "
                                + "RetentionInDays: expected at most 30, found not set (logs kept forever)"),
                Case.template("template: retention not resolvable offline", "{log-retention-max-days: 30}", "prod",
                        r -> props(r, "ServiceLogGroup9D8C4B1E").putObject("RetentionInDays").putArray("Fn::If")
                                .add("IsProd").add(30).add(7),
                        "FAIL it log-retention-max-days [prod] bella-prod/ServiceLogGroup9D8C4B1E (AWS::Logs::LogGroup) "
                                + "RetentionInDays: expected at most 30, found {\"Fn::If\":[\"IsProd\",30,7]} "
                                + "(not resolvable offline)"),
                Case.template("template: cpu 1024", "{task-size-max: {cpu: 512, memory: 1024}}", "prod",
                        r -> props(r, "TaskDef54694570").put("Cpu", "1024"),
                        "FAIL it task-size-max [prod] bella-prod/TaskDef54694570 (AWS::ECS::TaskDefinition) Cpu: expected at most "
                                + "512, found 1024"),
                Case.template("template: max 10", "{autoscaling: {min: 1, max: 5, target-cpu: 70}}", "prod",
                        r -> props(r, "ServiceTaskCountTarget23E25614").put("MaxCapacity", 10),
                        "FAIL it autoscaling [prod] bella-prod/ServiceTaskCountTarget23E25614 "
                                + "(AWS::ApplicationAutoScaling::ScalableTarget) MaxCapacity: expected at most 5, found 10"),
                Case.template("template: no scaling", "{autoscaling: {min: 1, max: 5, target-cpu: 70}}", "prod",
                        r -> r.remove("ServiceTaskCountTarget23E25614"),
                        "FAIL it autoscaling [prod] bella-prod/ServiceD69D759B (AWS::ECS::Service): expected an "
                                + "AWS::ApplicationAutoScaling::ScalableTarget, found none (the service does not scale)"),
                Case.template("template: dev on demand", "{spot-weight-min: 80}", "dev",
                        r -> ((ArrayNode) props(r, "ServiceD69D759B").withArray("CapacityProviderStrategy")).removeAll()
                                .addObject().put("CapacityProvider", "FARGATE").put("Weight", 1),
                        "FAIL it spot-weight-min [dev] bella-dev/ServiceD69D759B (AWS::ECS::Service) CapacityProviderStrategy: "
                                + "expected FARGATE_SPOT at least 80% of the weight, found FARGATE_SPOT 0%"),
                Case.template("template: schedule in UTC", "{dev-schedule: required}", "dev",
                        r -> props(r, "DevSchedule7E3F1A2B").remove("ScheduleExpressionTimezone"),
                        "FAIL it dev-schedule [dev] bella-dev/DevSchedule7E3F1A2B (AWS::Scheduler::Schedule) "
                                + "ScheduleExpressionTimezone: expected America/Toronto, found not set (UTC)"),
                Case.template("template: no scheduler", "{dev-schedule: required}", "dev",
                        r -> r.remove("DevSchedule7E3F1A2B"),
                        "FAIL it dev-schedule [dev] the template: expected an AWS::Scheduler::Schedule, found none"),
                Case.template("template: x86 task", "{architecture: arm64, env: prod}", "prod",
                        r -> ((ObjectNode) props(r, "TaskDef54694570").get("RuntimePlatform")).remove("CpuArchitecture"),
                        "FAIL it architecture [prod] bella-prod/TaskDef54694570 (AWS::ECS::TaskDefinition) "
                                + "RuntimePlatform.CpuArchitecture: expected ARM64, found not set (X86_64)"),
                Case.template("template: an ALB", "{ingress: http-api, env: prod}", "prod",
                        r -> r.putObject("Alb").put("Type", "AWS::ElasticLoadBalancingV2::LoadBalancer")
                                .putObject("Properties").put("Type", "application"),
                        "FAIL it ingress [prod] bella-prod/Alb (AWS::ElasticLoadBalancingV2::LoadBalancer): expected no Application "
                                + "Load Balancer (ingress http-api), found an ALB"),
                Case.template("template: a NAT gateway", "{nat-gateways-max: 0, env: prod}", "prod",
                        r -> r.putObject("VpcNat1").put("Type", "AWS::EC2::NatGateway"),
                        "FAIL it nat-gateways-max [prod] the template AWS::EC2::NatGateway count: expected at most 0, "
                                + "found 1 (VpcNat1)"));
    }

    private static ObjectNode props(ObjectNode resources, String id) {
        return (ObjectNode) resources.get(id).get("Properties");
    }

    private Path assemblies(String env, Consumer<ObjectNode> edit) throws IOException {
        Path root = dir.resolve("cdk.out");
        for (String e : List.of("prod", "dev")) {
            Path to = Files.createDirectories(root.resolve(e));
            for (String f : List.of("manifest.json", "bella-" + e + ".template.json")) {
                Files.copy(ASSEMBLY.resolve(e).resolve(f), to.resolve(f));
            }
        }
        Path template = root.resolve(env).resolve("bella-" + env + ".template.json");
        ObjectNode t = (ObjectNode) JSON.readTree(template.toFile());
        edit.accept((ObjectNode) t.get("Resources"));
        JSON.writeValue(template.toFile(), t);
        return root;
    }

    private Path spec(String text) throws IOException {
        Path p = dir.resolve("spec.yaml");
        Files.writeString(p, text);
        return p;
    }

    @ParameterizedTest
    @MethodSource("violations")
    void each_violation_exits_1_naming_the_policy_the_resource_the_expected_and_the_actual_value(Case c)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("phases", "check", "--config", "(set below)"));
        if (c.templateEnv() != null) {
            args.addAll(List.of("--template", assemblies(c.templateEnv(), c.templateEdit()).toString()));
        } else {
            args.add("--spec-only");
        }
        // the unbroken spec and templates pass
        List<String> clean = new ArrayList<>(args);
        clean.set(3, spec(SPEC.formatted(c.policy())).toString());
        if (c.templateEnv() != null) {
            Path fresh = dir.resolve("fresh");
            clean.set(5, fresh.toString());
            copyTree(ASSEMBLY, fresh);
        }
        CliRun ok = CliRun.of(clean.toArray(String[]::new));
        assertThat(ok.err()).isEmpty();
        assertThat(ok.exitCode()).as(ok.out()).isZero();
        assertThat(ok.out()).doesNotContain("FAIL");

        args.set(3, spec(c.specEdit().apply(SPEC).formatted(c.policy())).toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out().lines().map(String::strip)).contains(c.failure());
        assertThat(run.err()).matches("bella: \\d+ violations? in \\d+ checks of 1 policies\\R");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void the_target_spec_passes_with_and_without_its_templates() {
        CliRun spec = CliRun.of("phases", "check", "--spec-only", "--config", TARGET);
        assertThat(spec.err()).isEmpty();
        assertThat(spec.exitCode()).isZero();
        assertThat(spec.out()).contains("Checked against: the spec (--spec-only")
                .endsWith("OK: 26 checks of 13 policies passed\n");
        CliRun templates = CliRun.of("phases", "check", "--config", TARGET, "--template", ASSEMBLY.toString());
        assertThat(templates.err()).isEmpty();
        assertThat(templates.exitCode()).isZero();
        assertThat(templates.out()).contains("  ok   rightsize-ecs task-size-max [prod] bella-prod/TaskDef54694570 "
                + "(AWS::ECS::TaskDefinition) Cpu: expected at most 512, found 256");
    }

    @Test
    void the_baseline_shows_what_the_seeds_stack_violates() {
        CliRun run = CliRun.of("phases", "check", "--spec-only", "--config", BASELINE);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().map(String::strip).filter(l -> l.startsWith("FAIL"))).containsExactly(
                "FAIL llm-cache llm-cache [prod] spec usage.llm-cache (prod): expected true (the service caches LLM "
                        + "answers), found false",
                "FAIL log-retention log-retention-max-days [prod] spec environments.prod.logs.retention-days: expected "
                        + "at most 30 days, found 90 days",
                "FAIL compression response-compression [prod] spec usage.response-compression (prod): expected true "
                        + "(gzip responses), found false",
                "FAIL rightsize-ecs task-size-max [prod] spec environments.prod.service.cpu: expected at most 512, "
                        + "found 1024",
                "FAIL rightsize-ecs task-size-max [prod] spec environments.prod.service.memory: expected at most 1024, "
                        + "found 2048",
                "FAIL autoscaling autoscaling [prod] spec environments.prod.service.autoscaling.max: expected above min "
                        + "(1), found 1 (the service does not scale)",
                "FAIL reserved-instances reserved-coverage-min [prod] spec environments.prod.commitments.database."
                        + "coverage-percent: expected at least 80%, found 0%",
                "FAIL reserved-instances reserved-coverage-min [prod] spec environments.prod.commitments.cache."
                        + "coverage-percent: expected at least 80%, found 0%",
                "FAIL dev-environment dev-schedule [-] spec environments: expected an unprotected (development) "
                        + "environment with a schedule, found none (environments: prod)",
                "FAIL cost-dashboard budget-alarms [-] budget.notify: expected at least one address, found none",
                "FAIL graviton architecture [prod] spec environments.prod.service.architecture: expected arm64, found x86",
                "FAIL smart-cache llm-share-max [prod] spec usage.llm-share (prod): expected at most 0.2, found 1.0",
                "FAIL http-api ingress [prod] spec environments.prod.ingress: expected http-api, found alb",
                "FAIL target-cost monthly-estimate-max [prod] monthly AWS estimate of prod (estimated from the spec): "
                        + "expected at most $60, found $109.74");
        assertThat(run.err()).isEqualTo("bella: 14 violations in 19 checks of 13 policies\n");
    }

    @Test
    void through_stops_at_the_named_phase() {
        CliRun run = CliRun.of("phases", "check", "--spec-only", "--config", BASELINE, "--through", "phase-1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("phase-1 Quick wins").doesNotContain("phase-2");
        assertThat(run.err()).isEqualTo("bella: 5 violations in 5 checks of 4 policies\n");
    }

    @Test
    void junit_has_one_testcase_per_check_and_a_failure_per_violation() throws Exception {
        Path out = dir.resolve("phases.xml");
        CliRun run = CliRun.of("phases", "check", "--spec-only", "--config", BASELINE, "--format", "junit", "--output", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        var root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("19");
        assertThat(root.getAttribute("failures")).isEqualTo("14");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(19);
        var failure = (org.w3c.dom.Element) xml.getElementsByTagName("failure").item(1);
        assertThat(failure.getAttribute("message")).isEqualTo("phase-1/log-retention log-retention-max-days [prod] spec "
                + "environments.prod.logs.retention-days: expected at most 30 days, found 90 days");
        assertThat(((org.w3c.dom.Element) failure.getParentNode()).getAttribute("classname"))
                .isEqualTo("phase-1.log-retention");
    }

    @Test
    void json_lists_every_finding() throws IOException {
        CliRun run = CliRun.of("phases", "check", "--spec-only", "--config", TARGET, "--format", "json", "--env", "dev");
        assertThat(run.exitCode()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("violations").asInt()).isZero();
        assertThat(r.path("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.path("environment").asText())
                .isIn("dev", "-"));
        assertThat(r.path("findings").get(0).path("outcome").asText()).isEqualTo("pass");
    }

    @Test
    void status_prints_each_item_and_the_cost_after_each_phase() {
        CliRun run = CliRun.of("phases", "status", "--spec-only", "--config", TARGET);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("phase-1 Quick wins (month 1)", "  done     log-retention ",
                "  estimated after phase-1: AWS $", "  estimated after phase-4: AWS $");
        CliRun baseline = CliRun.of("phases", "status", "--spec-only", "--config", BASELINE);
        assertThat(baseline.exitCode()).isZero();
        assertThat(baseline.out()).contains("  violated llm-cache ", "  pending  log-retention ",
                "             prod: spec environments.prod.logs.retention-days: expected at most 30 days, found 90 days",
                "  done     db-indexes ", "  pending  spot-dev ");
    }

    @Test
    void an_unknown_policy_is_a_config_error_at_its_position() throws IOException {
        CliRun run = CliRun.of("phases", "check", "--spec-only", "--config", spec(SPEC.formatted("{log-retention: 30}")).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: " + dir.resolve("spec.yaml") + ":28:18: phase p1.items[].policy: "
                + "unknown policy 'log-retention'; did you mean 'log-retention-max-days'? (expected one of: ");
    }

    @Test
    void bad_invocations_are_usage_errors() {
        CliRun through = CliRun.of("phases", "check", "--spec-only", "--config", TARGET, "--through", "phase-9");
        assertThat(through.exitCode()).isEqualTo(2);
        assertThat(through.out()).isEmpty();
        assertThat(through.err()).isEqualTo("bella: --through: unknown phase 'phase-9' (the spec has: phase-1, "
                + "phase-2, phase-3, phase-4)\n");
        CliRun single = CliRun.of("phases", "check", "--config", TARGET, "--template", ASSEMBLY.resolve("prod").toString());
        assertThat(single.exitCode()).isEqualTo(2);
        assertThat(single.err()).isEqualTo("bella: --template " + ASSEMBLY.resolve("prod")
                + " holds one environment's stacks; pass --env (the spec has dev, prod)\n");
        CliRun missing = CliRun.of("phases", "check", "--config", TARGET, "--template", "nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("bella: nope: no such template file or cloud assembly folder\n");
        CliRun env = CliRun.of("phases", "check", "--spec-only", "--config", TARGET, "--env", "staging");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).isEqualTo("bella: unknown environment 'staging'; the spec has dev, prod\n");
        CliRun junit = CliRun.of("phases", "status", "--spec-only", "--config", TARGET, "--format", "junit");
        assertThat(junit.exitCode()).isEqualTo(2);
        assertThat(junit.err()).startsWith("bella: --format junit is for `bella phases check`");
    }

    @Test
    void the_baseline_carries_the_same_phases_as_the_target() {
        var loader = new dev.bella.spec.SpecLoader();
        var target = loader.load(Path.of(TARGET)).phases();
        var baseline = loader.load(Path.of(BASELINE)).phases();
        assertThat(baseline).hasSameSizeAs(target);
        for (int i = 0; i < target.size(); i++) {
            var t = target.get(i);
            var b = baseline.get(i);
            assertThat(b.id()).isEqualTo(t.id());
            assertThat(b.title()).isEqualTo(t.title());
            assertThat(b.items()).extracting(x -> x.id() + "|" + x.title() + "|" + x.status() + "|" + x.policy())
                    .containsExactlyElementsOf(t.items().stream().map(x -> x.id() + "|" + x.title() + "|" + x.status()
                            + "|" + x.policy()).toList());
        }
    }
}
