package dev.bella.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;

/**
 * Same spec, same templates, byte for byte: `cdk diff` must not show a change that is not one. Map.of's
 * iteration order is fixed within one JVM and changes between JVMs, so the second synth runs in a JVM of its
 * own and is compared with the shared one of {@link Assemblies}.
 */
class DeterministicSynthTest {

    @Test
    void prodSynthesizedInAnotherJvmGivesByteIdenticalTemplates(@TempDir Path tmp) throws Exception {
        Path shared = Assemblies.of("bella", "prod");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SynthOnce.class.getName(), Assemblies.SPEC.toString(), "prod", tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("synth.log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the second synth finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("synth.log"))).isZero();
        for (String stack : BellaStacks.names(Assemblies.spec("bella"),
                Assemblies.spec("bella").environment("prod").orElseThrow())) {
            String file = stack + ".template.json";
            assertThat(Files.readString(tmp.resolve(file))).as(file).isEqualTo(Files.readString(shared.resolve(file)));
        }
    }

    @Test
    void theErrorRateAlarmListsItsMetricsInTheOrderWritten() {
        // the order the expression's ids were declared in, whatever the JVM
        Assemblies.template("bella", "prod", "bella-prod-service").hasResourceProperties("AWS::CloudWatch::Alarm",
                Map.of("Metrics", List.of(Match.objectLike(Map.of("Id", "expr_1")),
                        Match.objectLike(Map.of("Id", "requests")), Match.objectLike(Map.of("Id", "errors")))));
        Assemblies.template("variant", "edge", "shop-edge-service").hasResourceProperties("AWS::CloudWatch::Alarm",
                Map.of("Metrics", List.of(Match.objectLike(Map.of("Id", "expr_1")),
                        Match.objectLike(Map.of("Id", "requests")), Match.objectLike(Map.of("Id", "target")),
                        Match.objectLike(Map.of("Id", "elb")))));
    }
}
