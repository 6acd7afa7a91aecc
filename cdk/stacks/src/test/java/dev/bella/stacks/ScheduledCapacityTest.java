package dev.bella.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Autoscaling.Block;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import dev.bella.stacks.ScheduledCapacity.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The scheduled minimum as scheduled actions: the change points, and what the service stack synthesizes. */
class ScheduledCapacityTest {

    static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** The spec `bella cost capacity --apply` writes for busy weekday mornings (cli's CostCapacityCommandTest). */
    static final String SPEC = """
            project: bella
            region: ca-central-1
            timezone: America/Toronto
            environments:
              prod:
                service:
                  cpu: 512
                  memory: 1024
                  desired: 1
                  autoscaling:
                    min: 1
                    max: 5
                    target-cpu: 70
                    scheduled: [{days: mon-fri, from: "09:00", to: "11:00", min: 3}]
                ingress: alb
            """;

    @Test
    void oneBlockIsARaiseAndALowerOnTheSameDays() {
        assertThat(ScheduledCapacity.actions(List.of(new Block(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(11, 0), 3)), 1))
                .containsExactly(new Action(WEEKDAYS, LocalTime.of(9, 0), 3), new Action(WEEKDAYS, LocalTime.of(11, 0), 1));
    }

    @Test
    void adjacentBlocksShareOneActionAndABlockToMidnightLowersNextDay() {
        List<Action> actions = ScheduledCapacity.actions(List.of(
                new Block(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), 2),
                new Block(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(12, 0), LocalTime.MIDNIGHT, 4),
                new Block(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.of(1, 0), 4)), 1);
        assertThat(actions).containsExactly(
                new Action(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), 2),
                new Action(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(12, 0), 4),
                new Action(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 0), 1));
    }

    @Test
    void cronDaysAreRangesThatNeverEndOnSunday() {
        assertThat(ScheduledCapacity.cronDays(WEEKDAYS)).isEqualTo("MON-FRI");
        assertThat(ScheduledCapacity.cronDays(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))).isEqualTo("SAT,SUN");
        assertThat(ScheduledCapacity.cronDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)))
                .isEqualTo("MON,WED-THU");
    }

    @Test
    void theServiceStackCarriesExactlyTheBlocksActionsInTheSpecsZone() throws IOException {
        SpecLoader loader = new SpecLoader();
        Path out = Files.createTempDirectory("bella-synth-capacity");
        Path assembly = new StackSynthesizer().synth(loader.read(loader.parse(new SpecSource.Bundled("capacity.yaml"),
                SPEC)), "prod", out);
        Template service = Template.fromString(Files.readString(assembly.resolve("bella-prod-service.template.json")));
        service.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 1);
        service.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Map.of(
                "MinCapacity", 1, "MaxCapacity", 5,
                "ScheduledActions", List.of(
                        Match.objectLike(Map.of("Schedule", "cron(0 9 ? * MON-FRI *)", "Timezone", "America/Toronto",
                                "ScalableTargetAction", Map.of("MinCapacity", 3))),
                        Match.objectLike(Map.of("Schedule", "cron(0 11 ? * MON-FRI *)", "Timezone", "America/Toronto",
                                "ScalableTargetAction", Map.of("MinCapacity", 1))))));
        // target tracking stays on the same target, above the scheduled minimum
        service.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "TargetTrackingScaling"));
    }
}
