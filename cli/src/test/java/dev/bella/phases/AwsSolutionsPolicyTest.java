package dev.bella.phases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Environment;
import dev.bella.spec.Phase;
import dev.bella.spec.Policy;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import dev.bella.stacks.AwsSolutionsFindings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code aws-solutions} policy: each finding the rule pack reports is a failed check named by its rule and
 * resource, in the table and in JUnit. The findings here stand in for a synth (the cdk module's
 * AwsSolutionsChecksTest runs the real pack over every shipped environment).
 */
class AwsSolutionsPolicyTest {

    private final Spec spec = new SpecLoader().read(new SpecLoader().parse(new SpecSource.Bundled("test.yaml"), """
            region: ca-central-1
            environments:
              prod: {protected: true, ingress: http-api}
            phases:
              - id: p1
                title: Hardening
                items:
                  - id: nag
                    title: Pass the AWS Solutions checks
                    policy: {aws-solutions: required}
            """));
    private final Environment prod = spec.environment("prod").orElseThrow();
    private final Phase phase = spec.phases().getFirst();

    private List<Check> checks(List<AwsSolutionsFindings.Finding> findings) {
        return new PolicyChecks(spec, (e, s) -> new PolicyChecks.Estimate(BigDecimal.ZERO, "-"), e -> findings)
                .check(new Policy.AwsSolutions(), prod, Optional.empty());
    }

    @Test
    void theRoadmapParsesThePolicy() {
        assertThat(phase.items().getFirst().policy()).get().extracting(Phase.PolicyRef::name).isEqualTo("aws-solutions");
    }

    @Test
    void noFindingIsOnePassingCheck() {
        assertThat(checks(List.of())).singleElement().satisfies(c -> assertThat(c.failed()).isFalse());
    }

    @Test
    void eachFindingFailsAndJUnitNamesRuleAndResource() {
        var finding = new AwsSolutionsFindings.Finding("AwsSolutions-APIG4", "bella-prod-service/Api/Route/Resource",
                "The API does not implement authorization.");
        List<Check> checks = checks(List.of(finding));
        assertThat(checks).singleElement().satisfies(c -> assertThat(c.failed()).isTrue());
        List<Finding> findings = List.of(new Finding(phase, phase.items().getFirst(), "aws-solutions", "prod",
                checks.getFirst()));
        String junit = PhaseRenderer.check(findings, PhaseRenderer.Format.JUNIT, "templates");
        assertThat(junit).contains("name=\"aws-solutions [prod] bella-prod-service/Api/Route/Resource AwsSolutions-APIG4\"",
                "<failure message=\"p1/nag aws-solutions [prod] bella-prod-service/Api/Route/Resource AwsSolutions-APIG4: "
                        + "expected fixed or acknowledged with a reason, found The API does not implement authorization.\"");
    }
}
