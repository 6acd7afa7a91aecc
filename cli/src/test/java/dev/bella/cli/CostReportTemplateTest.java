package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `bella cost report --template`: the same report, priced from what the templates deploy. */
class CostReportTemplateTest {

    static final String TARGET = "../configs/bella.yaml";
    static final Path ASSEMBLY = Path.of("src/test/resources/templates/assembly");

    private static JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void the_templates_of_both_environments_price_like_the_spec() throws IOException {
        JsonNode spec = json("cost", "report", "--config", TARGET, "--source", "estimate", "--format", "json");
        JsonNode templates = json("cost", "report", "--config", TARGET, "--source", "estimate", "--format", "json",
                "--template", ASSEMBLY.toString());
        assertThat(templates.path("environments")).isEqualTo(spec.path("environments"));
        assertThat(templates.path("totals")).isEqualTo(spec.path("totals"));
        assertThat(templates.path("notes").toString()).contains(
                "priced from the template: " + ASSEMBLY.resolve("prod"),
                "unpriced: bella-prod/DatabaseSecret3B817195 (AWS::SecretsManager::Secret): no price for this type in the "
                        + "estimate model",
                "unpriced: bella-dev/DatabaseSecret3B817195 (AWS::SecretsManager::Secret): no price for this type in the "
                        + "estimate model");
    }

    @Test
    void one_environments_template_needs_env_and_does_not_mix_with_compare() {
        CliRun run = CliRun.of("cost", "report", "--config", TARGET, "--source", "estimate", "--template",
                ASSEMBLY.resolve("prod").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("bella: --template " + ASSEMBLY.resolve("prod")
                + " holds one environment's stacks; pass --env (the spec has dev, prod)\n");
        CliRun both = CliRun.of("cost", "report", "--config", TARGET, "--env", "prod", "--template",
                ASSEMBLY.resolve("prod").toString(), "--compare", "../configs/examples/baseline.yaml");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).startsWith("bella: --compare and --template do not go together");
    }

    @Test
    void a_broken_template_is_a_usage_error_naming_the_file() {
        CliRun run = CliRun.of("cost", "report", "--config", TARGET, "--env", "prod", "--template", "pom.xml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: pom.xml: invalid YAML:");
    }
}
