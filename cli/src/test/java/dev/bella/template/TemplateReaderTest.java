package dev.bella.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {

    static final Path TEMPLATES = Path.of("src/test/resources/templates");

    @TempDir
    Path dir;

    private static StackSet stacks(Path p) {
        return TemplateSource.at(p).stacks(null, "prod").orElseThrow();
    }

    @Test
    void readsAnAssemblyThroughItsManifest() {
        StackSet s = stacks(TEMPLATES.resolve("assembly/prod"));
        assertThat(s.templates()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("bella-prod"));
        Resource task = s.ofType("AWS::ECS::TaskDefinition").getFirst();
        assertThat(task.logicalId()).isEqualTo("TaskDef54694570");
        // CDK writes Cpu and Memory as strings
        assertThat(task.value("Cpu").integer()).contains(256L);
        assertThat(Ecs.architecture(task)).isEqualTo("ARM64");
        Resource service = s.ofType("AWS::ECS::Service").getFirst();
        assertThat(Ecs.taskDefinition(service)).contains(task);
        assertThat(Ecs.spotPercent(service)).isZero();
        Resource target = s.referring("AWS::ApplicationAutoScaling::ScalableTarget", service).getFirst();
        assertThat(target.value("MaxCapacity").integer()).contains(5L);
        assertThat(s.referring("AWS::ApplicationAutoScaling::ScalingPolicy", target).getFirst()
                .value("TargetTrackingScalingPolicyConfiguration", "ScaleInCooldown").integer()).contains(600L);
    }

    @Test
    void resolvesWhatTheTemplateFixesAndNothingElse() {
        StackSet s = stacks(TEMPLATES.resolve("seed-stack.yaml"));
        Resource logs = s.resources().stream().filter(r -> r.logicalId().equals("Logs")).findFirst().orElseThrow();
        // !Ref to a parameter with a default
        assertThat(logs.value("RetentionInDays").integer()).contains(90L);
        Resource task = s.ofType("AWS::ECS::TaskDefinition").getFirst();
        // !Sub over a pseudo parameter and a parameter without a default: not resolvable offline
        Value image = task.template().resolve(task.raw("ContainerDefinitions").get(0).path("Image"));
        assertThat(image).isInstanceOf(Value.Unresolved.class);
        assertThat(image.describe()).startsWith("{\"Fn::Sub\":").endsWith("(not resolvable offline)");
        Resource nat = s.ofType("AWS::EC2::NatGateway").getFirst();
        assertThat(nat.value("AllocationId")).isEqualTo(new Value.Reference("NatIp", Optional.of("AllocationId")));
        assertThat(nat.references()).containsExactlyInAnyOrder("NatIp", "SubnetA");
        assertThat(task.value("Absent")).isInstanceOf(Value.Absent.class);
    }

    @Test
    void joinsAndSubsOverLiteralsResolve() throws IOException {
        Path t = dir.resolve("t.json");
        Files.writeString(t, """
                {"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
                 "Resources": {"G": {"Type": "AWS::Logs::LogGroup", "Properties": {
                   "LogGroupName": {"Fn::Join": ["-", ["bella", {"Ref": "Env"}]]},
                   "Other": {"Fn::Sub": "/bella/${Env}/app"},
                   "Region": {"Fn::Sub": "${AWS::Region}"}}}}}
                """);
        Resource g = stacks(t).resources().getFirst();
        assertThat(g.value("LogGroupName").text()).contains("bella-dev");
        assertThat(g.value("Other").text()).contains("/bella/dev/app");
        assertThat(g.value("Region")).isInstanceOf(Value.Unresolved.class);
    }

    @Test
    void aFolderOfAssembliesHasOnePerEnvironment() {
        TemplateSource source = TemplateSource.at(TEMPLATES.resolve("assembly"));
        assertThat(source.singleEnvironment()).isFalse();
        assertThat(source.stacks(null, "dev").orElseThrow().templates().getFirst().name()).isEqualTo("bella-dev");
        assertThatThrownBy(() -> source.stacks(null, "staging")).isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("assembly: no cloud assembly for environment 'staging' (found: dev, prod)");
    }

    @Test
    void unreadableInputsAreOneLineErrorsNamingTheFile() throws IOException {
        assertThatThrownBy(() -> TemplateSource.at(dir.resolve("none.json"))).isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("none.json: no such template file or cloud assembly folder");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"Resources\": {\n  \"A\": [1,}\n}");
        assertThatThrownBy(() -> TemplateSource.at(bad)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("bad.json:2:").hasMessageContaining("invalid JSON");
        Path notTemplate = dir.resolve("x.yaml");
        Files.writeString(notTemplate, "a: 1\n");
        assertThatThrownBy(() -> TemplateSource.at(notTemplate)).isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("x.yaml: not a CloudFormation template (expected a Resources mapping)");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> TemplateSource.at(empty)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("neither a template file nor a cloud assembly");
        Path noStacks = Files.createDirectory(dir.resolve("nostacks"));
        Files.writeString(noStacks.resolve("manifest.json"), "{\"version\": \"48.0.0\", \"artifacts\": {}}");
        assertThatThrownBy(() -> TemplateSource.at(noStacks)).isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("manifest.json: the assembly has no aws:cloudformation:stack artifact");
        Path missing = Files.createDirectory(dir.resolve("missing"));
        Files.writeString(missing.resolve("manifest.json"), """
                {"artifacts": {"S": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "S.template.json"}}}}
                """);
        assertThatThrownBy(() -> TemplateSource.at(missing)).isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("S.template.json: file not found");
    }

    @Test
    void synthesizingSourceSynthesizesEachEnvironmentOnceIntoItsOwnFolder() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        TemplateSource source = TemplateSource.synthesizing((spec, env, out) -> {
            calls.add(env + " -> " + dir.relativize(out));
            try {
                Files.createDirectories(out);
                for (String f : new String[] {"manifest.json", "bella-prod.template.json"}) {
                    Files.copy(TEMPLATES.resolve("assembly/prod").resolve(f), out.resolve(f));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, dir);
        assertThat(source.stacks(null, "prod").orElseThrow().ofType("AWS::RDS::DBInstance")).hasSize(1);
        source.stacks(null, "prod");
        assertThat(calls).containsExactly("prod -> prod");
    }
}
