package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.yaml.Problem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry is complete (Cloud Custodian's rule) and every policy's syntax is checked at its position. */
class PoliciesTest {

    static final String SPEC = """
            region: test-region-1
            environments:
              prod: {protected: true, ingress: http-api}
              dev: {protected: false}
            phases:
              - id: p1
                title: One
                items:
                  - id: it
                    title: The item
                    policy: %s
            """;

    static Stream<Policies.Definition> definitions() {
        return Policies.all().stream();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void everyPolicyIsDescribedTypedAndHasAnExampleThatParsesToItself(Policies.Definition def) {
        assertThat(def.name()).matches("[a-z][a-z0-9-]+");
        assertThat(def.description()).isNotBlank().endsWith(".");
        assertThat(def.params()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.name()).isNotBlank();
            assertThat(p.type()).isNotBlank();
        });
        assertThat(def.permissions()).as("offline checks need no IAM permission").isEmpty();
        assertThat(def.example()).startsWith(def.name() + ": ");
        assertThat(def.scope()).isNotNull();
        assertThat(def.subject()).isNotNull();

        Spec spec = SpecTexts.load(SPEC.formatted("{" + def.example() + "}"));
        Phase.PolicyRef ref = spec.phases().getFirst().items().getFirst().policy().orElseThrow();
        assertThat(ref.name()).isEqualTo(def.name());
        assertThat(Policies.of(ref.policy())).isSameAs(def);
        assertThat(ref.env()).isEmpty();
    }

    @Test
    void theRegistryCoversEverySealedPolicyOnce() {
        assertThat(Policy.class.getPermittedSubclasses()).hasSameSizeAs(Policies.all());
        assertThat(Policies.all()).extracting(Policies.Definition::name).doesNotHaveDuplicates();
    }

    @Test
    void parsesTypedValues() {
        Phase.PolicyRef ref = SpecTexts.load(SPEC.formatted("{autoscaling: {min: 1, max: 5, target-cpu: 70}, env: prod}"))
                .phases().getFirst().items().getFirst().policy().orElseThrow();
        assertThat(ref).isEqualTo(new Phase.PolicyRef(new Policy.AutoscalingBounds(1, 5, 70), Optional.of("prod")));
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("{log-retention: 30}", 11, 18, "phase p1.items[].policy: unknown policy 'log-retention'; "
                        + "did you mean 'log-retention-max-days'? (expected one of: log-retention-max-days, task-size-max"),
                Arguments.of("{log-retention-max-days: thirty}", 11, 42,
                        "phase p1.items[].policy.log-retention-max-days: expected a whole number, found 'thirty'"),
                Arguments.of("{log-retention-max-days: 0}", 11, 42,
                        "phase p1.items[].policy.log-retention-max-days: expected a whole number from 1 to 3653, found 0"),
                Arguments.of("{task-size-max: {cpu: 512}}", 11, 33,
                        "phase p1.items[].policy.task-size-max: missing required key 'memory'"),
                Arguments.of("{task-size-max: {cpu: 512, memory: 1024, swap: 1}}", 11, 58,
                        "phase p1.items[].policy.task-size-max: unknown key 'swap' (expected one of: cpu, memory)"),
                Arguments.of("{autoscaling: {min: 5, max: 2, target-cpu: 70}}", 11, 40,
                        "phase p1.items[].policy.autoscaling.max: must be at least min (5), found 2"),
                Arguments.of("{dev-schedule: yes}", 11, 32,
                        "phase p1.items[].policy.dev-schedule: expected one of required, found 'yes'"),
                Arguments.of("{spot-weight-min: 80, env: staging}", 11, 44,
                        "phase p1.items[].policy.env: unknown environment 'staging' (expected one of: dev, prod)"),
                Arguments.of("{spot-weight-min: 80, llm-cache: required}", 11, 39,
                        "phase p1.items[].policy: one policy per item; move 'llm-cache' to an item of its own"),
                Arguments.of("{env: dev}", 11, 17, "phase p1.items[].policy: expected one policy, such as "
                        + "{log-retention-max-days: 30}"),
                Arguments.of("llm-cache", 11, 17, "phase p1.items[].policy: expected a mapping with one policy, such as "
                        + "{log-retention-max-days: 30}, found 'llm-cache'"),
                Arguments.of("{ingress: nlb}", 11, 27,
                        "phase p1.items[].policy.ingress: expected one of alb, http-api, found 'nlb'"),
                Arguments.of("{monthly-estimate-max: }", 11, 18,
                        "phase p1.items[].policy.monthly-estimate-max: expected a value such as monthly-estimate-max: 60, "
                                + "found nothing"));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void aBadPolicyIsAConfigErrorAtItsPosition(String policy, int line, int column, String message) {
        List<Problem> problems = SpecTexts.problems(SPEC.formatted(policy));
        assertThat(problems).hasSize(1);
        Problem p = problems.getFirst();
        assertThat(p.message()).startsWith(message);
        assertThat(p.at().line()).isEqualTo(line);
        assertThat(p.at().column()).isEqualTo(column);
    }
}
