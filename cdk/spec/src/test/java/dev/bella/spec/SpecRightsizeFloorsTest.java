package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.yaml.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecRightsizeFloorsTest {

    @Test
    void floorsAreReadAndInheritedThroughExtends() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod:
                    service: {cpu: 1024, memory: 2048, rightsize: {min-cpu: 512, min-memory: 1536}}
                  dev:
                    extends: prod
                """);
        Service.RightsizeFloors floors = spec.environment("dev").orElseThrow().service().rightsize();
        assertThat(floors).isEqualTo(new Service.RightsizeFloors(Optional.of(512), Optional.of(1536)));
    }

    @Test
    void noFloorsByDefault() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod: {service: {cpu: 256}}
                """);
        assertThat(spec.environment("prod").orElseThrow().service().rightsize()).isEqualTo(Service.RightsizeFloors.NONE);
    }

    @Test
    void aFloorThatIsNotAFargateCpuIsRejectedAtItsPosition() {
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                environments:
                  prod:
                    service:
                      rightsize:
                        min-cpu: 300
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().at().line()).isEqualTo(6);
        assertThat(problems.getFirst().at().column()).isEqualTo(18);
        assertThat(problems.getFirst().message()).contains("environments.prod.service.rightsize.min-cpu: 300 is not a Fargate CPU size");
    }

    @Test
    void unknownFloorKeysAndOutOfRangeMemoryAreRejected() {
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                environments:
                  prod:
                    service:
                      rightsize: {min-cpus: 512, min-memory: 100}
                """);
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("unknown key 'min-cpus'"))
                .anySatisfy(m -> assertThat(m).contains("min-memory"));
    }
}
