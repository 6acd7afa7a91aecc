package dev.bella.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What other commands rely on: a standard cloud assembly (manifest.json naming each stack's template),
 * the stack names {@link BellaStacks#names} announces, and the three tags on every taggable resource.
 */
class AssemblyContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void manifestListsEachStackWithItsTemplateFile() throws Exception {
        Path dir = Assemblies.of("bella", "dev");
        var spec = Assemblies.spec("bella");
        assertThat(stacks(dir)).containsExactlyInAnyOrderElementsOf(BellaStacks.names(spec, spec.environment("dev").orElseThrow()));
        for (String name : stacks(dir)) {
            assertThat(dir.resolve(name + ".template.json")).isRegularFile();
        }
        assertThat(stacks(Assemblies.of("bella", "prod"))).containsExactlyInAnyOrder("bella-prod-network",
                "bella-prod-data", "bella-prod-service");
    }

    @Test
    void everyTaggableResourceCarriesProjectEnvironmentAndManaged() throws Exception {
        for (String[] assembly : List.of(new String[] {"bella", "prod"}, new String[] {"bella", "dev"},
                new String[] {"variant", "edge"})) {
            Path dir = Assemblies.of(assembly[0], assembly[1]);
            int tagged = 0;
            for (String stack : stacks(dir)) {
                JsonNode resources = JSON.readTree(dir.resolve(stack + ".template.json").toFile()).get("Resources");
                for (var entry : resources.properties()) {
                    JsonNode tags = entry.getValue().path("Properties").path("Tags");
                    if (tags.isMissingNode()) {
                        continue;
                    }
                    Map<String, String> byKey = new TreeMap<>();
                    if (tags.isObject()) {
                        // API Gateway v2 and Cloud Map-style resources write tags as a JSON map
                        tags.properties().forEach(t -> byKey.put(t.getKey(), t.getValue().asText()));
                    } else {
                        tags.forEach(t -> byKey.put(t.path("Key").asText(), t.path("Value").asText()));
                    }
                    assertThat(byKey).as(stack + " " + entry.getKey()).containsEntry("Project",
                            assembly[0].equals("bella") ? "bella" : "shop").containsEntry("Environment", assembly[1])
                            .containsEntry("bella:managed", "true");
                    tagged++;
                }
            }
            assertThat(tagged).as("tagged resources in " + assembly[1]).isGreaterThan(15);
        }
    }

    @Test
    void unknownEnvironmentAndMissingNodeAreClearErrors() {
        var spec = Assemblies.spec("bella");
        assertThatThrownBy(() -> new StackSynthesizer().synth(spec, "staging", Path.of("unused")))
                .isInstanceOf(StackException.class).hasMessage(
                        "no environment 'staging' in ../../configs/bella.yaml (expected one of: dev, prod)");
        assertThatThrownBy(() -> new StackSynthesizer(Map.of("PATH", "/nonexistent")).synth(spec, "dev",
                Path.of("unused"))).isInstanceOf(StackException.class).hasMessageStartingWith(
                "synth needs Node.js: no 'node' on the PATH");
        assertThat(Path.of("unused")).doesNotExist();
    }

    private static List<String> stacks(Path dir) throws Exception {
        JsonNode artifacts = JSON.readTree(Files.readString(dir.resolve("manifest.json"))).get("artifacts");
        List<String> names = new ArrayList<>();
        for (var entry : artifacts.properties()) {
            if ("aws:cloudformation:stack".equals(entry.getValue().path("type").asText())) {
                assertThat(entry.getValue().path("properties").path("templateFile").asText())
                        .isEqualTo(entry.getKey() + ".template.json");
                names.add(entry.getKey());
            }
        }
        return names;
    }
}
