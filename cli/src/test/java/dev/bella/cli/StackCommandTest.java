package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.estimate.TemplateEstimator;
import dev.bella.report.CostReport;
import dev.bella.report.EnvironmentCost;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.template.TemplateSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code bella stack}: synth for real (offline, in-process; once per environment for the whole class, a synth
 * costs seconds), diff and deploy against a stand-in {@code npx} on the PATH that records its arguments, so the
 * tests see the exact CDK CLI command without running it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackCommandTest {

    private static final String CONFIG = "../configs/bella.yaml";

    private Path work;
    private Path fakeBin;
    private Path npxLog;
    private Path prodDir;
    private Path devDir;
    private CliRun prodSynth;
    private CliRun devSynth;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    void synthBothEnvironmentsAndInstallAFakeNpx() throws IOException {
        work = Files.createTempDirectory("bella-stack-test");
        prodDir = work.resolve("out/prod");
        devDir = work.resolve("out/dev");
        prodSynth = CliRun.of("stack", "synth", "--config", CONFIG, "--env", "prod", "--output", prodDir.toString());
        devSynth = CliRun.of("stack", "synth", "--config", CONFIG, "--env", "dev", "--output", devDir.toString());
        fakeBin = Files.createDirectories(work.resolve("bin"));
        npxLog = work.resolve("npx.log");
        script(fakeBin.resolve("npx"), "#!/bin/sh\necho \"$*\" >> '" + npxLog + "'\nexit \"$(cat '"
                + work.resolve("npx-exit") + "' 2>/dev/null || echo 0)\"\n");
    }

    @BeforeEach
    void resetFakeNpx() throws IOException {
        Files.deleteIfExists(npxLog);
        Files.deleteIfExists(work.resolve("npx-exit"));
    }

    @AfterAll
    void removeWorkDir() throws IOException {
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void synthWritesProdsAssemblyAndPrintsTheTemplates() {
        assertThat(prodSynth.exitCode()).as(prodSynth.err()).isZero();
        assertThat(prodSynth.out().lines()).containsExactly(prodDir.resolve("bella-prod-network.template.json").toString(),
                prodDir.resolve("bella-prod-data.template.json").toString(),
                prodDir.resolve("bella-prod-service.template.json").toString());
        assertThat(prodDir.resolve("manifest.json")).isRegularFile();
        prodSynth.out().lines().forEach(file -> assertThat(Path.of(file)).isRegularFile());
    }

    @Test
    void synthOfDevAddsTheSchedulerStack() {
        assertThat(devSynth.exitCode()).as(devSynth.err()).isZero();
        assertThat(devSynth.out().lines()).hasSize(4).last().isEqualTo(devDir.resolve("bella-dev-scheduler.template.json")
                .toString());
        assertThat(devDir.resolve("bella-dev-scheduler.template.json")).content().contains("America/Toronto");
    }

    @Test
    void theSynthesizedStacksPassTheRoadmapsPolicies() {
        CliRun run = CliRun.of("phases", "check", "--config", CONFIG, "--template", work.resolve("out").toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("Checked against: the templates in " + work.resolve("out"))
                .contains("(AWS::Logs::LogGroup) RetentionInDays: expected at most 30, found 30")
                .doesNotContain("FAIL");
    }

    @Test
    void templatePricingOfTheSynthesizedStacksEqualsTheSpecEstimateLineByLine() {
        Spec spec = new SpecLoader().load(Path.of(CONFIG));
        EstimatePeriod period = EstimatePeriod.averageMonth(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"),
                ZoneOffset.UTC));
        CostReport fromSpec = new EstimateEngine().estimate(spec, period, Optional.empty());
        CostReport fromTemplates = new TemplateEstimator().estimate(spec, period, List.of("dev", "prod"),
                TemplateSource.at(work.resolve("out")));
        for (int i = 0; i < fromSpec.environments().size(); i++) {
            EnvironmentCost expected = fromSpec.environments().get(i);
            EnvironmentCost actual = fromTemplates.environments().get(i);
            assertThat(actual.categories().stream().flatMap(c -> c.items().stream()).toList())
                    .as(expected.name()).containsExactlyElementsOf(expected.categories().stream()
                            .flatMap(c -> c.items().stream()).toList());
        }
        assertThat(fromTemplates.environments()).isEqualTo(fromSpec.environments());
        assertThat(fromTemplates.awsTotal()).isEqualByComparingTo(fromSpec.awsTotal()).isPositive();
        // what the spec estimate does not price either is listed, not dropped
        assertThat(fromTemplates.notes()).anyMatch(n -> n.startsWith("unpriced: "));
    }

    @Test
    void phasesCheckWithoutATemplateSynthesizesTheBaselineAndNamesWhatItsStacksViolate() {
        CliRun run = CliRun.of("phases", "check", "--config", "../configs/examples/baseline.yaml", "--env", "prod",
                "--through", "phase-1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("Checked against: the stacks synthesized from the spec")
                .containsPattern("FAIL log-retention log-retention-max-days \\[prod] \\S+ \\(AWS::Logs::LogGroup\\) "
                        + "RetentionInDays: expected at most 30, found 90")
                .containsPattern("FAIL rightsize-ecs task-size-max \\[prod] \\S+ \\(AWS::ECS::TaskDefinition\\) "
                        + "Cpu: expected at most 512, found 1024");
    }

    @Test
    void phasesCheckRunsTheAwsSolutionsPackAndReportsItInJUnit() throws IOException {
        Path spec = work.resolve("nag.yaml");
        Files.writeString(spec, """
                project: bella
                region: ca-central-1
                environments:
                  prod: {protected: true, ingress: http-api, cache: none}
                phases:
                  - id: hardening
                    title: Hardening
                    items:
                      - id: nag
                        title: Pass the AWS Solutions checks
                        policy: {aws-solutions: required}
                """);
        CliRun run = CliRun.of("phases", "check", "--config", spec.toString(), "--format", "junit");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("<testcase classname=\"hardening.nag\" name=\"aws-solutions [prod] stacks of "
                + "prod AwsSolutions\"/>");
    }

    @Test
    void aRegionOtherThanTheSpecsIsRefusedBeforeAnySynth() {
        CliRun run = CliRun.of("stack", "synth", "--config", CONFIG, "--env", "dev", "--region", "us-east-1",
                "--output", work.resolve("elsewhere").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: --region us-east-1 differs from the spec's region ca-central-1; the "
                + "stacks go where the spec says: change `region` in " + CONFIG + " (or drop --region)\n");
        assertThat(work.resolve("elsewhere")).doesNotExist();
        CliRun same = CliRun.of("stack", "synth", "--config", CONFIG, "--env", "staging", "--region", "ca-central-1");
        assertThat(same.err()).startsWith("bella: no environment 'staging'");
    }

    @Test
    void synthNeedsAKnownEnvironment() {
        CliRun none = CliRun.of("stack", "synth", "--config", CONFIG);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("bella: pass --env with one of: dev, prod\n");
        CliRun unknown = CliRun.of("stack", "synth", "--config", CONFIG, "--env", "staging");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("bella: no environment 'staging' in " + CONFIG
                + "; expected one of: dev, prod\n");
    }

    @Test
    void synthWithoutNodeSaysSo() {
        Run run = run("", Map.of("PATH", work.resolve("empty").toString()), "stack", "synth", "--config", CONFIG,
                "--env", "dev", "--output", work.resolve("never").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: synth needs Node.js: no 'node' on the PATH;");
        assertThat(work.resolve("never")).doesNotExist();
    }

    @Test
    void diffAndDeployWithoutNodeOrNpxNameWhatIsMissing() throws IOException {
        Run noNode = run("", Map.of("PATH", work.resolve("empty").toString()), "stack", "diff", "--config", CONFIG,
                "--env", "dev", "--app", devDir.toString());
        assertThat(noNode.exitCode()).isEqualTo(2);
        assertThat(noNode.err()).isEqualTo("bella: 'node' not found on the PATH: bella stack diff and deploy run the "
                + "CDK CLI with npx (aws-cdk@2); install Node.js 20 or newer with npm, then retry\n");
        Path onlyNode = Files.createDirectories(work.resolve("only-node"));
        script(onlyNode.resolve("node"), "#!/bin/sh\nexit 0\n");
        Run noNpx = run("y\n", Map.of("PATH", onlyNode.toString()), "stack", "deploy", "--config", CONFIG, "--env",
                "dev", "--app", devDir.toString());
        assertThat(noNpx.exitCode()).isEqualTo(2);
        assertThat(noNpx.err()).startsWith("bella: 'npx' not found on the PATH:");
        assertThat(npxLog).doesNotExist();
    }

    @Test
    void diffRunsTheCdkCliOnTheAssembly() throws IOException {
        Run run = run("", path(), "stack", "diff", "--config", CONFIG, "--env", "prod", "--app", prodDir.toString(),
                "--profile", "ops");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(npxLog)).isEqualTo("--yes aws-cdk@2 diff --app " + prodDir + " --all --profile ops\n");
    }

    @Test
    void deployRefusesAProtectedEnvironmentWithoutAllowProd() {
        Run run = run("y\n", path(), "stack", "deploy", "--config", CONFIG, "--env", "prod", "--yes", "--app",
                prodDir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: refusing to deploy prod: the spec marks it protected; pass --allow-prod "
                + "to deploy it\n");
        assertThat(npxLog).doesNotExist();
    }

    @Test
    void deployAsksAndStopsOnNo() {
        Run run = run("n\n", path(), "stack", "deploy", "--config", CONFIG, "--env", "dev", "--app", devDir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Deploy bella-dev-network, bella-dev-data, bella-dev-service, bella-dev-scheduler "
                + "(environment dev, region ca-central-1)? [y/N] \nbella: not confirmed; nothing deployed\n");
        assertThat(npxLog).doesNotExist();
    }

    @Test
    void deployWithNoAnswerOnStdinAsksForYes() {
        Run run = run("", path(), "stack", "deploy", "--config", CONFIG, "--env", "dev", "--app", devDir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("bella: no answer on standard input; pass --yes to deploy without asking\n");
        assertThat(npxLog).doesNotExist();
    }

    @Test
    void deployAfterYesLeavesTheCdkCliItsOwnSecurityPrompt() throws IOException {
        Run run = run("yes\n", path(), "stack", "deploy", "--config", CONFIG, "--env", "dev", "--app", devDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(npxLog)).isEqualTo("--yes aws-cdk@2 deploy --app " + devDir + " --all\n");
    }

    @Test
    void deployRefusesTheMovingLatestTagForAProtectedEnvironment() {
        Run run = run("", path(), "stack", "deploy", "--config", CONFIG, "--env", "prod", "--yes", "--allow-prod",
                "--app", prodDir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bella: refusing to deploy prod: its image is bella:latest, a tag that moves; "
                + "set environments.prod.image.digest (sha256:...) or an immutable tag from the build in " + CONFIG
                + "\n");
        assertThat(npxLog).doesNotExist();
    }

    @Test
    void deployWithYesAndAllowProdRunsUnattended() throws IOException {
        // prod pinned to the build's digest; the assembly is the one synthesized from bella.yaml
        Path pinned = work.resolve("pinned.yaml");
        Files.writeString(pinned, """
                project: bella
                region: ca-central-1
                environments:
                  prod: {protected: true, ingress: http-api, image: {digest: "sha256:%s"}}
                """.formatted("ab".repeat(32)));
        Run run = run("", path(), "stack", "deploy", "--config", pinned.toString(), "--env", "prod", "--yes",
                "--allow-prod", "--app", prodDir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("[y/N]");
        assertThat(Files.readString(npxLog)).isEqualTo("--yes aws-cdk@2 deploy --app " + prodDir
                + " --all --require-approval never\n");
    }

    @Test
    void aFailedCdkDeployIsAnAwsError() throws IOException {
        Files.writeString(work.resolve("npx-exit"), "1");
        Run run = run("", path(), "stack", "deploy", "--config", CONFIG, "--env", "dev", "--yes", "--app",
                devDir.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("bella: cdk deploy exited with 1; see its output above\n");
    }

    @Test
    void appMustBeACloudAssembly() {
        Run run = run("", path(), "stack", "diff", "--config", CONFIG, "--env", "dev", "--app", work.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("bella: --app " + work + " is not a cloud assembly (no manifest.json); write one "
                + "with bella stack synth --env dev --output " + work + "\n");
    }

    private Map<String, String> path() {
        return Map.of("PATH", fakeBin + java.io.File.pathSeparator + System.getenv("PATH"));
    }

    private static Run run(String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cmd = Main.commandLine();
        StackCommand stack = cmd.getSubcommands().get("stack").getCommand();
        stack.environment = env;
        stack.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
