package dev.bella.stacks;

import static dev.bella.stacks.Assemblies.template;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The container's variable names, checked three ways so a rename on any side fails here: the exact set the
 * stack injects for each spec shape, every one of them a row of docs/booking-service.md's configuration table,
 * and every one of them a name BookingConfig actually reads.
 */
class ServiceContainerVariablesTest {

    static final Path DOC = Path.of("../../docs/booking-service.md");
    static final Path CONFIG = Path.of("../../booking-core/src/main/java/dev/bella/booking/config/BookingConfig.java");

    /** Always injected: the service refuses to start on BELLA_DB_URL without the public URL and auth token. */
    static final Set<String> ALWAYS = Set.of("BELLA_PORT", "BELLA_DB_URL", "BELLA_PUBLIC_URL");
    static final Set<String> SECRETS = Set.of("BELLA_DB_USER", "BELLA_DB_PASSWORD", "BELLA_DB_ADMIN_USER",
            "BELLA_DB_ADMIN_PASSWORD", "TWILIO_AUTH_TOKEN", "OPENAI_API_KEY");

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', value = {
            // HTTP API, cache: none, no schedule
            "bella   | prod  | bella-prod-service  | ''                             | ''",
            // schedule office-hours (America/Toronto)
            "bella   | dev   | bella-dev-service   | BELLA_TIMEZONE                 | ''",
            // ALB + Redis (AUTH token from its secret), no schedule
            "variant | edge  | shop-edge-service   | BELLA_REDIS_URL                | BELLA_REDIS_PASSWORD",
            // ALB without certificate + Redis + schedule nights (Asia/Tokyo)
            "variant | plain | shop-plain-service  | BELLA_REDIS_URL BELLA_TIMEZONE | BELLA_REDIS_PASSWORD"})
    void containerGetsExactlyTheVariablesTheServiceReads(String spec, String env, String stack, String extra,
                                                         String extraSecrets) throws IOException {
        Map<String, Object> container = container(spec, env, stack);
        Set<String> expected = new TreeSet<>(ALWAYS);
        if (!extra.isBlank()) {
            expected.addAll(List.of(extra.trim().split("\\s+")));
        }
        assertThat(names(container, "Environment")).isEqualTo(expected);
        Set<String> secrets = new TreeSet<>(SECRETS);
        if (!extraSecrets.isBlank()) {
            secrets.addAll(List.of(extraSecrets.trim().split("\\s+")));
        }
        assertThat(names(container, "Secrets")).isEqualTo(secrets);

        Set<String> injected = new TreeSet<>(names(container, "Environment"));
        injected.addAll(names(container, "Secrets"));
        assertThat(documentedVariables()).as("rows of the configuration table in " + DOC).containsAll(injected);
        String config = Files.readString(CONFIG);
        assertThat(injected).allSatisfy(name -> assertThat(config).as(CONFIG + " reads " + name)
                .contains("\"" + name + "\""));
    }

    /** The backticked names in the first column of the table under "## Configuration". */
    static Set<String> documentedVariables() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("a '## Configuration' section in " + DOC).isNotNegative();
        Set<String> names = new LinkedHashSet<>();
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                Matcher m = name.matcher(line.split("\\|")[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(String spec, String env, String stack) {
        Map<String, Object> resources = (Map<String, Object>) template(spec, env, stack).toJSON().get("Resources");
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Object value : resources.values()) {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::ECS::TaskDefinition".equals(resource.get("Type"))) {
                Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
                containers.addAll((List<Map<String, Object>>) props.get("ContainerDefinitions"));
            }
        }
        assertThat(containers).as("container definitions in " + stack).hasSize(1);
        return containers.getFirst();
    }

    @SuppressWarnings("unchecked")
    static Set<String> names(Map<String, Object> container, String key) {
        Set<String> names = new TreeSet<>();
        for (Object entry : (List<Object>) container.getOrDefault(key, List.of())) {
            names.add((String) ((Map<String, Object>) entry).get("Name"));
        }
        return names;
    }
}
