package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.spec.Commitments.Payment;
import dev.bella.spec.Commitments.Term;
import dev.bella.spec.Phase.Status;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpecLoaderValidTest {

    static final String FULL = """
            project: bella-test
            region: test-region-1
            schedules:
              office-hours:
                timezone: America/Toronto
                running:
                  - days: mon-fri
                    from: "07:00"
                    to: "19:00"
                  - {days: sat, from: "22:00", to: "02:00"}
                holidays: [2025-12-25, 2026-01-01]
            usage:
              calls-per-month: 3000
              minutes-per-call: 2.5
              llm-share: 0.25
              tokens-per-llm-call: {input: 800, output: 150}
            budget:
              monthly-limit: 150
              daily-limit: 10.50
              notify: [ops@example.com, "arn:aws:sns:test-region-1:123456789012:budget"]
              targets: {cost-per-call: 0.05, reduction-percent: 40, commitment-coverage: 85}
              alarm-at: [0.75, 1.0, 1.2]
            environments:
              prod:
                protected: true
                ingress: http-api
                service:
                  cpu: 512
                  memory: 1024
                  architecture: arm64
                  desired: 2
                  spot-weight: 0
                  autoscaling:
                    min: 1
                    max: 4
                    target-cpu: 60
                    scale-out-cooldown: 300s
                    scale-in-cooldown: 10m
                    peak: {extra-tasks: 2, hours-per-month: 40}
                network: {availability-zones: 2, nat-gateways: 1}
                database:
                  instance-class: db.t4g.micro
                  storage-gb: 30
                  multi-az: true
                  backup-retention-days: 14
                cache: {engine: redis, node-type: cache.t4g.micro, nodes: 2}
                logs: {retention-days: 90}
                commitments:
                  database: {coverage-percent: 100, term: 1y, payment: all-upfront}
                  cache: {coverage-percent: 50, term: 3y, payment: partial-upfront}
              dev:
                extends: prod
                protected: false
                service:
                  spot-weight: 100
                schedule: office-hours
                usage:
                  calls-per-month: 50
            phases:
              - id: quick-wins
                title: Quick wins
                when: month 1
                target-savings: {min: 10, max: 25.5}
                items:
                  - id: arm
                    title: Move tasks to Graviton
                    status: done
                    policy: {architecture: arm64}
                    changes:
                      environments:
                        prod:
                          service: {architecture: arm64}
                  - id: spot-dev
                    title: Spot for dev
                    status: in-progress
                    policy: {spot-weight-min: 80, env: dev}
              - id: later
                title: Later
                items:
                  - {id: schedule-dev, title: Stop dev at night}
            """;

    static Spec spec;

    @BeforeAll
    static void load() {
        spec = SpecTexts.load(FULL);
    }

    @Test
    void topLevel() {
        assertThat(spec.project()).isEqualTo("bella-test");
        assertThat(spec.region()).isEqualTo("test-region-1");
        assertThat(spec.prices().region()).isEqualTo("test-region-1");
        assertThat(spec.pricesFile()).isEmpty();
        assertThat(spec.baseline()).isEmpty();
        assertThat(spec.environments()).containsOnlyKeys("prod", "dev");
    }

    @Test
    void prodServiceIsTyped() {
        Environment prod = spec.environment("prod").orElseThrow();
        assertThat(prod.protectedEnv()).isTrue();
        assertThat(prod.ingress()).isEqualTo(Ingress.HTTP_API);
        Service s = prod.service();
        assertThat(s.cpu()).isEqualTo(512);
        assertThat(s.memory()).isEqualTo(1024);
        assertThat(s.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(s.desired()).isEqualTo(2);
        assertThat(s.spotWeight()).isZero();
        Autoscaling a = s.autoscaling();
        assertThat(a.min()).isEqualTo(1);
        assertThat(a.max()).isEqualTo(4);
        assertThat(a.targetCpu()).isEqualTo(60);
        assertThat(a.scaleOutCooldown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(a.scaleInCooldown()).isEqualTo(Duration.ofMinutes(10));
        assertThat(a.peak()).contains(new Autoscaling.Peak(2, 40));
        assertThat(prod.schedule()).isEmpty();
    }

    @Test
    void prodInfrastructureIsTyped() {
        Environment prod = spec.environment("prod").orElseThrow();
        assertThat(prod.network()).isEqualTo(new Network(2, 1));
        assertThat(prod.network().publicTasks()).isFalse();
        assertThat(prod.database()).isEqualTo(new Database("postgres", "db.t4g.micro", 30, "gp3", true, 14));
        assertThat(prod.database().deployment()).isEqualTo("multi-az");
        assertThat(prod.cache()).isEqualTo(new Cache.Redis("cache.t4g.micro", 2));
        assertThat(prod.logs().retentionDays()).isEqualTo(90);
        assertThat(prod.commitments().database())
                .isEqualTo(new Commitments.Commitment(100, Term.ONE_YEAR, Payment.ALL_UPFRONT));
        assertThat(prod.commitments().cache())
                .isEqualTo(new Commitments.Commitment(50, Term.THREE_YEARS, Payment.PARTIAL_UPFRONT));
    }

    @Test
    void devExtendsProdAndOverrides() {
        Environment prod = spec.environment("prod").orElseThrow();
        Environment dev = spec.environment("dev").orElseThrow();
        assertThat(dev.protectedEnv()).isFalse();
        assertThat(dev.service().spotWeight()).isEqualTo(100);
        assertThat(dev.schedule()).contains("office-hours");
        // everything not overridden is inherited from prod
        assertThat(dev.service()).isEqualTo(new Service(512, 1024, Architecture.ARM64, 2, prod.service().autoscaling(), 100));
        assertThat(dev.ingress()).isEqualTo(Ingress.HTTP_API);
        assertThat(dev.network()).isEqualTo(prod.network());
        assertThat(dev.database()).isEqualTo(prod.database());
        assertThat(dev.cache()).isEqualTo(prod.cache());
        assertThat(dev.logs()).isEqualTo(prod.logs());
        assertThat(dev.commitments()).isEqualTo(prod.commitments());
        assertThat(spec.scheduleOf(dev)).map(Schedule::name).contains("office-hours");
        assertThat(spec.scheduleOf(prod)).isEmpty();
    }

    @Test
    void schedule() {
        Schedule office = spec.schedules().get("office-hours");
        assertThat(office.zone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(office.running()).containsExactly(
                new Schedule.Window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0),
                        LocalTime.of(19, 0)),
                new Schedule.Window(EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(22, 0), LocalTime.of(2, 0)));
        assertThat(office.running().get(0).crossesMidnight()).isFalse();
        assertThat(office.running().get(1).crossesMidnight()).isTrue();
        assertThat(office.holidays()).containsExactlyInAnyOrder(LocalDate.of(2025, 12, 25), LocalDate.of(2026, 1, 1));
    }

    @Test
    void budget() {
        Budget b = spec.budget();
        assertThat(b.monthlyLimit()).contains(new BigDecimal("150"));
        assertThat(b.dailyLimit()).contains(new BigDecimal("10.50"));
        assertThat(b.recipients()).containsExactly("ops@example.com",
                "arn:aws:sns:test-region-1:123456789012:budget");
        assertThat(b.costPerCallTarget()).contains(new BigDecimal("0.05"));
        assertThat(b.reductionPercentTarget()).contains(new BigDecimal("40"));
        assertThat(b.commitmentCoverage()).isEqualByComparingTo("85");
        assertThat(Budget.NONE.commitmentCoverage()).isEqualByComparingTo("80"); // the seed's target when unset
        assertThat(b.alarmAt()).containsExactly(new BigDecimal("0.75"), new BigDecimal("1.0"), new BigDecimal("1.2"));
    }

    @Test
    void topLevelUsageWithDefaults() {
        Usage u = spec.usage();
        assertThat(u.callsPerMonth()).isEqualTo(3000);
        assertThat(u.minutesPerCall()).isEqualByComparingTo("2.5");
        assertThat(u.llmShare()).isEqualByComparingTo("0.25");
        assertThat(u.llmInputTokens()).isEqualTo(800);
        assertThat(u.llmOutputTokens()).isEqualTo(150);
        // not written: the documented defaults
        assertThat(u.turnsPerCall()).isEqualTo(4);
        assertThat(u.llmModel()).isEqualTo("gpt-4o-mini");
        assertThat(u.requestsPerCall()).isEqualTo(8);
        assertThat(u.kbPerRequest()).isEqualByComparingTo("4");
        assertThat(u.phoneNumbers()).isEqualTo(1);
        assertThat(spec.environment("prod").orElseThrow().usage()).isEqualTo(u);
    }

    @Test
    void environmentUsageIsMergedOverTopLevel() {
        Usage top = spec.usage();
        Usage dev = spec.environment("dev").orElseThrow().usage();
        assertThat(dev.callsPerMonth()).isEqualTo(50);
        // the rest comes from the top-level usage, not from the defaults
        assertThat(dev.llmShare()).isEqualByComparingTo("0.25");
        assertThat(dev.llmInputTokens()).isEqualTo(800);
        assertThat(dev.llmOutputTokens()).isEqualTo(150);
        assertThat(dev).isEqualTo(new Usage(50, top.minutesPerCall(), top.llmShare(), top.turnsPerCall(),
                top.llmInputTokens(), top.llmOutputTokens(), top.llmModel(), top.logGbPerMonth(),
                top.requestsPerCall(), top.kbPerRequest(), top.dataOutGbPerMonth(), top.phoneNumbers()));
    }

    @Test
    void phases() {
        assertThat(spec.phases()).extracting(Phase::id).containsExactly("quick-wins", "later");
        Phase quick = spec.phases().getFirst();
        assertThat(quick.title()).isEqualTo("Quick wins");
        assertThat(quick.when()).contains("month 1");
        assertThat(quick.targetSavingsMin()).contains(new BigDecimal("10"));
        assertThat(quick.targetSavingsMax()).contains(new BigDecimal("25.5"));
        assertThat(quick.items()).extracting(Phase.Item::id).containsExactly("arm", "spot-dev");

        Phase.Item arm = quick.items().get(0);
        assertThat(arm.status()).isEqualTo(Status.DONE);
        assertThat(arm.policy()).contains(new Phase.PolicyRef(new Policy.ArchitectureIs(Architecture.ARM64), java.util.Optional.empty()));
        assertThat(arm.policy().orElseThrow().name()).isEqualTo("architecture");
        assertThat(arm.changes()).isPresent();
        assertThat(arm.changes().orElseThrow().isMapping()).isTrue();

        Phase.Item spot = quick.items().get(1);
        assertThat(spot.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(spot.policy()).contains(new Phase.PolicyRef(new Policy.SpotWeightMin(80), java.util.Optional.of("dev")));
        assertThat(spot.changes()).isEmpty();

        Phase later = spec.phases().get(1);
        assertThat(later.when()).isEmpty();
        assertThat(later.items()).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(Status.PLANNED);
            assertThat(i.policy()).isEmpty();
        });
    }

    @Test
    void minimalSpecGetsDefaults() {
        Spec minimal = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod: {}
                """);
        Environment prod = minimal.environment("prod").orElseThrow();
        assertThat(minimal.project()).isEqualTo("bella");
        assertThat(prod.service().cpu()).isEqualTo(256);
        assertThat(prod.service().memory()).isEqualTo(512);
        assertThat(prod.service().architecture()).isEqualTo(Architecture.X86);
        assertThat(prod.ingress()).isEqualTo(Ingress.ALB);
        assertThat(prod.cache()).isEqualTo(new Cache.None());
        assertThat(prod.database().instanceClass()).isEqualTo("db.t4g.micro");
        assertThat(prod.service().autoscaling().scaleOutCooldown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(minimal.budget().monthlyLimit()).isEmpty();
        assertThat(minimal.budget().alarmAt()).isEqualTo(Budget.DEFAULT_ALARM_AT);
        assertThat(minimal.phases()).isEmpty();
    }
}
