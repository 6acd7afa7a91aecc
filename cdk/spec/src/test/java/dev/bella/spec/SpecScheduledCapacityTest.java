package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Autoscaling.Block;
import dev.bella.yaml.Problem;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecScheduledCapacityTest {

    @Test
    void blocksAreReadInTheTopLevelTimezoneWithTheirCallsPerTaskSource() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                timezone: America/Toronto
                environments:
                  prod:
                    service:
                      autoscaling:
                        min: 1
                        max: 5
                        scheduled: [{days: mon-fri, from: "09:00", to: "11:00", min: 3}, {days: sat, from: "20:00", to: "24:00", min: 2}]
                        calls-per-task: {value: 4, source: "bench/booking-load.sh 2026-12-06"}
                """);
        Autoscaling.Capacity c = spec.environment("prod").orElseThrow().service().autoscaling().capacity();
        assertThat(spec.timezone()).contains(ZoneId.of("America/Toronto"));
        assertThat(c.zone()).contains(ZoneId.of("America/Toronto"));
        assertThat(c.scheduled()).containsExactly(
                new Block(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(11, 0), 3),
                new Block(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(20, 0), LocalTime.MIDNIGHT, 2));
        assertThat(c.callsPerTask()).contains(new Autoscaling.CallsPerTask(4, "bench/booking-load.sh 2026-12-06"));
        assertThat(c.minAt(DayOfWeek.TUESDAY, 9, 1)).isEqualTo(3);
        assertThat(c.minAt(DayOfWeek.TUESDAY, 11, 1)).isEqualTo(1);
        assertThat(c.minAt(DayOfWeek.SATURDAY, 23, 1)).isEqualTo(2);
    }

    @Test
    void withoutATopLevelTimezoneTheScheduleZoneApplies() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  dev:
                    schedule: office
                    service: {autoscaling: {min: 1, max: 3, scheduled: [{days: mon, from: "07:00", to: "08:00", min: 2}]}}
                schedules:
                  office: {timezone: Asia/Tokyo, running: [{days: mon-fri, from: "07:00", to: "19:00"}]}
                """);
        assertThat(spec.timezone()).isEmpty();
        assertThat(spec.environment("dev").orElseThrow().service().autoscaling().capacity().zone())
                .contains(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void noScheduledCapacityByDefault() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod: {service: {cpu: 256}}
                """);
        assertThat(spec.environment("prod").orElseThrow().service().autoscaling().capacity())
                .isEqualTo(Autoscaling.Capacity.NONE);
    }

    @Test
    void badBlocksAreEachReportedAtTheirPosition() {
        List<Problem> problems = SpecTexts.problems("""
                region: test-region-1
                timezone: Mars/Olympus
                environments:
                  prod:
                    service:
                      autoscaling:
                        max: 4
                        scheduled:
                          - {days: mon-fri, from: "09:00", to: "11:00", min: 5}
                          - {days: fri, from: "10:00", to: "12:00", min: 2}
                          - {days: sun, from: "22:00", to: "02:00", min: 2}
                        calls-per-task: {value: 0}
                """);
        assertThat(problems).filteredOn(p -> !p.message().contains("calls-per-task"))
                .extracting(p -> p.at().line() + ": " + p.message()).containsExactlyInAnyOrder(
                "2: spec.timezone: unknown time zone 'Mars/Olympus'; expected an IANA name such as America/Toronto or Europe/Paris",
                "9: environments.prod.service.autoscaling.scheduled item.min: 5 is above autoscaling max (4); raise max or lower the block's min",
                "10: environments.prod.service.autoscaling.scheduled: this block overlaps block 1 on a shared day; each hour may have one scheduled minimum",
                "11: environments.prod.service.autoscaling.scheduled item.to: must be after from (22:00) on the same day; split a block that crosses midnight, or end it at \"24:00\"",
                "8: environments.prod.service.autoscaling.scheduled: no time zone for these local times; add a top-level timezone (e.g. timezone: America/Toronto) or give the environment a schedule");
        assertThat(problems).filteredOn(p -> p.message().contains("calls-per-task")).hasSize(2)
                .allSatisfy(p -> assertThat(p.at().line()).isEqualTo(12));
    }
}
