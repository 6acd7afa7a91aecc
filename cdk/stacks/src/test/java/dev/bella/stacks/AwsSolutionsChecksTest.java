package dev.bella.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every environment of configs/bella.yaml and configs/examples/baseline.yaml, synthesized with the AwsSolutions
 * rule pack: a finding that is neither fixed nor acknowledged ({@link TradeOffs}) fails the build. One synth per
 * environment (the jsii runtime is shared within the JVM); the templates these synths write are not reused by
 * the other tests, which read the unchecked assemblies of {@link Assemblies}.
 */
class AwsSolutionsChecksTest {

    static final Path BASELINE = Path.of("../../configs/examples/baseline.yaml");

    @Test
    void everyEnvironmentOfTheShippedSpecsPassesTheAwsSolutionsPack(@TempDir Path tmp) throws Exception {
        List<String> unexplained = new ArrayList<>();
        for (Path file : List.of(Assemblies.SPEC, BASELINE)) {
            Spec spec = new SpecLoader().load(file);
            for (String env : spec.environments().keySet()) {
                Path out = Files.createDirectories(tmp.resolve(file.getFileName() + "-" + env));
                for (var finding : new StackSynthesizer().synthChecked(spec, env, out)) {
                    unexplained.add(file.getFileName() + " " + env + ": " + finding.rule() + " on "
                            + finding.resource() + " (" + finding.description() + ")");
                }
            }
        }
        assertThat(unexplained).as("AwsSolutions findings neither fixed nor acknowledged in TradeOffs").isEmpty();
    }

    @Test
    void everyAcknowledgementIsExplainedInTheDocs() throws Exception {
        String docs = Files.readString(Path.of("../../docs/stacks.md")).replaceAll("\\s+", " ");
        for (TradeOffs t : TradeOffs.values()) {
            assertThat(docs).as("docs/stacks.md explains %s", t).contains(t.reason());
        }
    }
}
