package dev.bella.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Policies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** docs/phases.md documents every policy of the registry; docs/ci.md's pipelines are valid YAML. */
class PhasesDocsTest {

    @Test
    void every_policy_has_a_row_and_its_example() throws IOException {
        String doc = Files.readString(Path.of("../docs/phases.md"));
        for (Policies.Definition def : Policies.all()) {
            assertThat(doc).as(def.name()).contains("| `" + def.name() + "` |", "policy: {" + def.example() + "}");
        }
    }

    @Test
    void the_ci_examples_are_valid_yaml_and_run_the_commands() throws IOException {
        String doc = Files.readString(Path.of("../docs/ci.md"));
        List<String> blocks = new ArrayList<>();
        int at = 0;
        while ((at = doc.indexOf("```yaml\n", at)) >= 0) {
            int end = doc.indexOf("\n```", at);
            blocks.add(doc.substring(at + 8, end + 1));
            at = end;
        }
        assertThat(blocks).hasSize(2);
        for (String block : blocks) {
            Object parsed = new Load(LoadSettings.builder().build()).loadFromString(block);
            assertThat(parsed).isInstanceOf(java.util.Map.class);
            assertThat(block).contains("bin/bella phases check", "--format junit", "bin/bella cost diff --base",
                    "--format markdown");
        }
    }
}
