package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bella.yaml.ConfigException;
import dev.bella.yaml.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several problems in one file, problems in inherited values, and the edges of extends and schedules. */
class SpecLoaderProblemsTest {

    static final String LABEL = SpecLoaderBadConfigTest.LABEL;

    @Test
    void everyProblemIsReportedInFileOrder() {
        String yaml = """
                region: test-region-1
                budget:
                  monthly-limit: -10
                usage:
                  llm-share: 1.5
                environments:
                  prod:
                    ingress: nlb
                    service:
                      cpu: 300
                      memory: 1024
                    logs:
                      retention-days: 45
                    schedule: nights
                phases:
                  - {id: p1, title: One}
                  - {id: p1, title: Two}
                tpyo: 1
                """;
        List<Problem> problems = SpecTexts.problems(yaml);
        assertThat(problems).extracting(p -> p.at().line(), p -> p.at().column()).containsExactly(
                tuple(3, 18), tuple(5, 14), tuple(8, 14), tuple(10, 12), tuple(13, 23), tuple(14, 15),
                tuple(17, 10), tuple(18, 1));
        assertThat(problems).extracting(Problem::message).satisfiesExactly(
                m -> assertThat(m).contains("monthly-limit").contains("found -10"),
                m -> assertThat(m).contains("llm-share").contains("found 1.5"),
                m -> assertThat(m).contains("ingress").contains("found 'nlb'"),
                m -> assertThat(m).contains("300 is not a Fargate CPU size"),
                m -> assertThat(m).contains("retention-days").contains("found 45"),
                m -> assertThat(m).contains("unknown schedule 'nights'"),
                m -> assertThat(m).contains("'p1' is used twice"),
                m -> assertThat(m).contains("unknown key 'tpyo'"));
        assertThat(problems).allSatisfy(p -> assertThat(p.at().file()).isEqualTo(LABEL));
    }

    @Test
    void exceptionMessageNamesTheFirstProblemAndCountsTheRest() {
        assertThatThrownBy(() -> SpecTexts.load("""
                region: test-region-1
                environments:
                  prod:
                    ingress: nlb
                    logs: {retention-days: 45}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage(LABEL + ":4:14: environments.prod.ingress: expected one of alb, http-api, found 'nlb'"
                        + " (and 1 more)");
    }

    @Test
    void problemInAnInheritedValuePointsAtTheParent() {
        // memory 2048 is fine with prod's cpu 1024 but not with dev's cpu 4096: the problem is dev's, the
        // value is written in prod, so the position is prod's line 7 and the label is dev's
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                environments:
                  prod:
                    service:
                      cpu: 1024
                      desired: 2
                      memory: 2048
                    network:
                      availability-zones: 2
                      nat-gateways: 2
                  dev:
                    extends: prod
                    service:
                      cpu: 4096
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.at().line()).isEqualTo(7);
            assertThat(p.at().column()).isEqualTo(15);
            assertThat(p.message()).startsWith("environments.dev.service.memory: 2048 MiB is not a valid Fargate size")
                    .contains("with cpu 4096");
        });
    }

    @Test
    void problemInheritedThroughTwoLevelsPointsAtTheGrandparent() {
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                environments:
                  prod:
                    network:
                      availability-zones: 3
                      nat-gateways: 2
                  staging:
                    extends: prod
                  dev:
                    extends: staging
                    network: {availability-zones: 1}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.toString()).isEqualTo(LABEL + ":6:21: environments.dev.network.nat-gateways: at most one per"
                    + " availability zone (1), found 2");
        });
    }

    @Test
    void overrideInTheChildReplacesTheBrokenParentValueForTheChildOnly() {
        // prod's 45 is wrong; dev overrides it with a valid value, so only prod is reported
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                environments:
                  prod:
                    logs: {retention-days: 45}
                  dev:
                    extends: prod
                    logs: {retention-days: 7}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.at().line()).isEqualTo(4);
            assertThat(p.message()).startsWith("environments.prod.logs.retention-days");
        });
    }

    @Test
    void extendsCycleIsReportedAtEachEnvironmentOfTheCycle() {
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                environments:
                  a:
                    extends: b
                  b:
                    extends: a
                """);
        assertThat(problems).extracting(Problem::toString).containsExactly(
                LABEL + ":4:14: environments.a.extends: cycle b -> a -> b",
                LABEL + ":6:14: environments.b.extends: cycle a -> b -> a");
    }

    @Test
    void environmentWithoutABodyGetsTheDefaults() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod:
                  dev:
                    extends: prod
                    service: {spot-weight: 100}
                """);
        assertThat(spec.environment("prod").orElseThrow().service().cpu()).isEqualTo(256);
        assertThat(spec.environment("dev").orElseThrow().service().spotWeight()).isEqualTo(100);
        assertThat(spec.environment("dev").orElseThrow().service().memory()).isEqualTo(512);
    }

    @Test
    void windowsThatOnlyTouchDoNotOverlap() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                schedules:
                  office:
                    timezone: UTC
                    running:
                      - {days: mon-fri, from: "07:00", to: "19:00"}
                      - {days: mon-fri, from: "19:00", to: "24:00"}
                      - {days: sat, from: "22:00", to: "02:00"}
                      - {days: sun, from: "02:00", to: "04:00"}
                environments:
                  prod: {schedule: office}
                """);
        assertThat(spec.schedules().get("office").running()).hasSize(4);
    }

    @Test
    void errorsInTheTopLevelUsageAreReportedWithoutOverridesOnce() {
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                usage:
                  calls-per-mnth: 10
                environments:
                  prod: {}
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.at().line()).isEqualTo(3);
            assertThat(p.at().column()).isEqualTo(3);
            assertThat(p.message()).contains("usage: unknown key 'calls-per-mnth'; did you mean 'calls-per-month'?");
        });
    }
}
