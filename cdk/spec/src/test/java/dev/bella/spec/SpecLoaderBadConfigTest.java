package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.yaml.Position;
import dev.bella.yaml.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken spec per case. Each must be rejected with exactly {@code count} problems (1 unless said), the
 * first at the exact line and column of the mistake, with a message that says what is wrong.
 */
class SpecLoaderBadConfigTest {

    static final String LABEL = "(bundled) configs/" + SpecTexts.FILE;

    record Case(String name, String yaml, int line, int column, String fragment, int count) {
        Case(String name, String yaml, int line, int column, String fragment) {
            this(name, yaml, line, column, fragment, 1);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ---- unknown keys ----
                new Case("unknown top-level key suggests the nearest", """
                        region: test-region-1
                        projet: bella
                        environments:
                          prod: {}
                        """, 2, 1, "spec: unknown key 'projet'; did you mean 'project'?"),
                new Case("unknown key in service", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 256
                              spto-weight: 50
                        """, 6, 7, "environments.prod.service: unknown key 'spto-weight'; did you mean 'spot-weight'?"),
                new Case("unknown key in database", """
                        region: test-region-1
                        environments:
                          prod:
                            database:
                              instance-clas: db.t4g.micro
                        """, 5, 7, "environments.prod.database: unknown key 'instance-clas'; did you mean 'instance-class'?"),
                new Case("unknown key in autoscaling", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              autoscaling:
                                min: 1
                                maximum: 3
                        """, 7, 9, "environments.prod.service.autoscaling: unknown key 'maximum'"),
                new Case("unknown key in a schedule window", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - days: mon-fri
                                from: "07:00"
                                to: "19:00"
                                zone: UTC
                        environments:
                          prod: {}
                        """, 9, 9, "schedules.office.running item: unknown key 'zone'"),
                new Case("unknown key in an environment", """
                        region: test-region-1
                        environments:
                          prod:
                            sevrice: {cpu: 256}
                        """, 4, 5, "environments.prod: unknown key 'sevrice'; did you mean 'service'?"),

                // ---- wrong types ----
                new Case("string for cpu", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: lots
                        """, 5, 12, "environments.prod.service.cpu: expected a whole number, found 'lots'"),
                new Case("list where a mapping is expected", """
                        region: test-region-1
                        environments:
                          prod:
                            service: [256, 512]
                        """, 4, 14, "environments.prod.service: expected a mapping (key: value), found a list"),
                new Case("mapping where a single value is expected", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: {units: 256}
                        """, 5, 12, "environments.prod.service.cpu: expected a single value, found a mapping"),
                new Case("environments as a list", """
                        region: test-region-1
                        environments: [prod, dev]
                        """, 2, 15, "spec.environments: expected a mapping (key: value), found a list"),
                new Case("phases as a mapping", """
                        region: test-region-1
                        environments:
                          prod: {}
                        phases: {id: p1}
                        """, 4, 9, "spec.phases: expected a list, found a mapping"),
                new Case("yes for a boolean", """
                        region: test-region-1
                        environments:
                          prod:
                            protected: yes
                        """, 4, 16, "environments.prod.protected: expected true or false, found 'yes'"),

                // ---- Fargate sizes ----
                new Case("cpu that Fargate does not offer", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 300
                              memory: 1024
                        """, 5, 12, "300 is not a Fargate CPU size; expected one of [256, 512, 1024, 2048, 4096, 8192, 16384]"),
                new Case("cpu 512 with memory 512", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 512
                              memory: 512
                        """, 6, 15, "memory: 512 MiB is not a valid Fargate size; with cpu 512 memory must be one of [1024, 2048, 3072, 4096]"),
                new Case("cpu 1024 with memory 1024", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 1024
                              memory: 1024
                        """, 6, 15, "with cpu 1024 memory must be one of 2048..8192 in steps of 1024"),
                new Case("cpu 256 with memory 4096", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 256
                              memory: 4096
                        """, 6, 15, "4096 MiB is not a valid Fargate size; with cpu 256 memory must be one of [512, 1024, 2048]"),
                new Case("unreadable memory is not also checked against cpu", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 1024
                              memory: 2GB
                        """, 6, 15, "environments.prod.service.memory: expected a whole number, found '2GB'"),
                new Case("cpu 1024 without memory: the default memory does not fit", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 1024
                        """, 5, 12, "memory: not set, and the default 512 MiB does not fit; with cpu 1024 memory must be one of 2048..8192"),
                new Case("unknown architecture", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              architecture: amd64
                        """, 5, 21, "architecture: expected one of arm64, x86, x86_64, found 'amd64'"),
                new Case("unknown ingress", """
                        region: test-region-1
                        environments:
                          prod:
                            ingress: nlb
                        """, 4, 14, "environments.prod.ingress: expected one of alb, http-api, found 'nlb'"),

                // ---- price table ----
                new Case("instance class not in the price table", """
                        region: test-region-1
                        environments:
                          prod:
                            database:
                              instance-class: db.m5.huge
                        """, 5, 23, "RDS instance class 'db.m5.huge' (single-az) has no price in (bundled) prices/aws-test-region-1.yaml"),
                new Case("instance class priced only single-az, asked multi-az", """
                        region: test-region-1
                        environments:
                          prod:
                            database:
                              instance-class: db.t4g.small
                              multi-az: true
                        """, 5, 23, "rds.postgres.db.t4g.small.multi-az"),
                new Case("unknown cache node type", """
                        region: test-region-1
                        environments:
                          prod:
                            cache: {engine: redis, node-type: cache.x9.mega}
                        """, 4, 39, "ElastiCache node type 'cache.x9.mega' has no price"),
                new Case("cache that is neither none nor a mapping", """
                        region: test-region-1
                        environments:
                          prod:
                            cache: memcached
                        """, 4, 12, "expected none or a mapping {engine: redis, node-type: ...}, found 'memcached'"),
                new Case("reservation without a reservation price", """
                        region: test-region-1
                        environments:
                          prod:
                            database: {instance-class: db.t4g.small}
                            commitments:
                              database: {coverage-percent: 100}
                        """, 6, 17, "a 1-year no-upfront reservation of db.t4g.small has no price"),
                new Case("reservation on an environment with cache none", """
                        region: test-region-1
                        environments:
                          prod:
                            cache: none
                            commitments:
                              cache: {coverage-percent: 50}
                        """, 6, 7, "a reservation needs a cache; this environment has cache: none"),
                new Case("unknown reservation payment", """
                        region: test-region-1
                        environments:
                          prod:
                            commitments:
                              database: {coverage-percent: 100, payment: half-upfront}
                        """, 5, 50, "expected one of all-upfront, no-upfront, partial-upfront, found 'half-upfront'"),
                new Case("unknown reservation term", """
                        region: test-region-1
                        environments:
                          prod:
                            commitments:
                              database: {coverage-percent: 100, term: 5y}
                        """, 5, 47, "expected one of 1y, 3y, found '5y'"),
                new Case("3-year reservation the price table has no rate for", """
                        region: test-region-1
                        environments:
                          prod:
                            commitments:
                              database: {coverage-percent: 100, term: 3y, payment: all-upfront}
                        """, 5, 17, "a 3-year all-upfront reservation of db.t4g.micro has no price in "),

                // ---- schedules ----
                new Case("unknown time zone", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: Mars/Olympus_Mons
                            running: [{days: mon-fri, from: "07:00", to: "19:00"}]
                        environments:
                          prod: {}
                        """, 4, 15, "schedules.office.timezone: unknown time zone 'Mars/Olympus_Mons'"),
                new Case("time zone abbreviation without a slash", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: EST
                            running: [{days: mon-fri, from: "07:00", to: "19:00"}]
                        environments:
                          prod: {}
                        """, 4, 15, "unknown time zone 'EST'; expected an IANA name such as America/Toronto"),
                new Case("malformed time 7am", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - days: mon-fri
                                from: 7am
                                to: "19:00"
                        environments:
                          prod: {}
                        """, 7, 15, "from: expected a local time HH:MM such as \"07:00\" (quote it), found '7am'"),
                new Case("empty window", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - {days: mon-fri, from: "07:00", to: "07:00"}
                        environments:
                          prod: {}
                        """, 6, 9, "the window from 07:00 to 07:00 is empty"),
                new Case("overlapping windows", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - {days: mon-fri, from: "07:00", to: "19:00"}
                              - {days: fri-sat, from: "18:00", to: "20:00"}
                        environments:
                          prod: {}
                        """, 7, 9, "schedules.office.running: this window overlaps window 1"),
                new Case("overlap with a window that crosses midnight", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - {days: mon, from: "22:00", to: "02:00"}
                              - {days: tue, from: "01:00", to: "05:00"}
                        environments:
                          prod: {}
                        """, 7, 9, "this window overlaps window 1"),
                new Case("overlap across the end of the week", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - {days: mon, from: "01:00", to: "05:00"}
                              - {days: sun, from: "23:00", to: "01:30"}
                        environments:
                          prod: {}
                        """, 7, 9, "this window overlaps window 1"),
                new Case("bad day range", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running:
                              - days: mon-xyz
                                from: "07:00"
                                to: "19:00"
                        environments:
                          prod: {}
                        """, 6, 15, "days: expected day names mon..sun as a range (mon-fri) or a list (mon,wed,fri), found 'mon-xyz'"),
                new Case("missing running", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                        environments:
                          prod: {}
                        """, 4, 5, "schedules.office: missing required key 'running'"),
                new Case("bad holiday date", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running: [{days: mon-fri, from: "07:00", to: "19:00"}]
                            holidays:
                              - 2025-12-25
                              - 2025-02-30
                        environments:
                          prod: {}
                        """, 8, 9, "schedules.office.holidays: expected a date YYYY-MM-DD, found '2025-02-30'"),
                new Case("unknown schedule referenced by an environment", """
                        region: test-region-1
                        schedules:
                          office:
                            timezone: America/Toronto
                            running: [{days: mon-fri, from: "07:00", to: "19:00"}]
                        environments:
                          prod:
                            schedule: nights
                        """, 8, 15, "environments.prod.schedule: unknown schedule 'nights' (expected one of: office)"),

                // ---- extends ----
                new Case("extends an unknown environment", """
                        region: test-region-1
                        environments:
                          prod: {}
                          dev:
                            extends: staging
                        """, 5, 14, "environments.dev.extends: unknown environment 'staging' (expected one of: prod, dev)"),
                new Case("extends cycle, reported at both environments of the cycle", """
                        region: test-region-1
                        environments:
                          a:
                            extends: b
                          b:
                            extends: a
                        """, 4, 14, "environments.a.extends: cycle b -> a -> b", 2),
                new Case("extends that is not a single name", """
                        region: test-region-1
                        environments:
                          prod: {}
                          dev:
                            extends: [prod]
                        """, 5, 14, "environments.dev.extends: expected a single value, found a list"),
                new Case("schedule written without a body", """
                        region: test-region-1
                        schedules:
                          office:
                        environments:
                          prod:
                            schedule: office
                        """, 3, 10, "schedules.office: missing required key 'timezone'", 2),
                new Case("environment extending itself", """
                        region: test-region-1
                        environments:
                          prod:
                            extends: prod
                        """, 4, 14, "environments.prod.extends: cycle prod -> prod"),
                new Case("unknown grandparent is reported once, not once per descendant", """
                        region: test-region-1
                        environments:
                          prod:
                            extends: base
                          dev:
                            extends: prod
                        """, 4, 14, "environments.prod.extends: unknown environment 'base'"),

                // ---- numbers out of range ----
                new Case("negative storage", """
                        region: test-region-1
                        environments:
                          prod:
                            database:
                              storage-gb: -5
                        """, 5, 19, "environments.prod.database.storage-gb: expected a whole number from 20 to 65536, found -5"),
                new Case("negative calls per month", """
                        region: test-region-1
                        usage:
                          calls-per-month: -1
                        environments:
                          prod: {}
                        """, 3, 20, "usage.calls-per-month: expected a whole number from 0 to 100000000, found -1"),
                new Case("scheduler run of zero seconds", """
                        region: test-region-1
                        usage:
                          scheduler-run-seconds: 0
                        environments:
                          prod: {}
                        """, 3, 26, "usage.scheduler-run-seconds: expected a whole number from 1 to 3600, found 0"),
                new Case("negative monthly limit", """
                        region: test-region-1
                        budget:
                          monthly-limit: -10
                        environments:
                          prod: {}
                        """, 3, 18, "budget.monthly-limit: expected a number of at least 0, found -10"),
                new Case("llm-share above 1", """
                        region: test-region-1
                        usage:
                          llm-share: 1.5
                        environments:
                          prod: {}
                        """, 3, 14, "usage.llm-share: expected a number from 0 to 1, found 1.5"),
                new Case("llm-share above 1 in an environment's usage override", """
                        region: test-region-1
                        usage:
                          llm-share: 0.3
                        environments:
                          prod:
                            usage: {llm-share: 2}
                        """, 6, 24, "environments.prod.usage.llm-share: expected a number from 0 to 1, found 2"),
                new Case("autoscaling max below min", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              desired: 3
                              autoscaling:
                                min: 3
                                max: 2
                        """, 8, 14, "autoscaling.max: must be at least min (3), found 2"),
                new Case("desired outside min..max", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              desired: 5
                              autoscaling:
                                min: 1
                                max: 3
                        """, 5, 16, "desired (5) must lie between min (1) and max (3)"),
                new Case("unreadable desired is not also compared with min..max", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              desired: two
                              autoscaling: {min: 3, max: 5}
                        """, 5, 16, "environments.prod.service.desired: expected a whole number, found 'two'"),
                new Case("peak beyond autoscaling max", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              desired: 2
                              autoscaling: {min: 1, max: 3, peak: {extra-tasks: 2}}
                        """, 6, 57, "extra-tasks: 2 would exceed autoscaling max (3) over desired (2)"),
                new Case("duration without a unit", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              autoscaling:
                                scale-out-cooldown: 300
                        """, 6, 29, "scale-out-cooldown: expected a duration with a unit such as 300s, 5m or 1h, found '300'"),
                new Case("duration too large to represent", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              autoscaling:
                                scale-in-cooldown: 99999999999999999999d
                        """, 6, 28, "autoscaling.scale-in-cooldown: duration '99999999999999999999d' is too large"),
                new Case("log retention CloudWatch does not offer", """
                        region: test-region-1
                        environments:
                          prod:
                            logs:
                              retention-days: 45
                        """, 5, 23, "retention-days: CloudWatch accepts only [1, 3, 5, 7, 14, 30, 60, 90,"),
                new Case("more NAT gateways than availability zones", """
                        region: test-region-1
                        environments:
                          prod:
                            network:
                              availability-zones: 2
                              nat-gateways: 3
                        """, 6, 21, "nat-gateways: at most one per availability zone (2), found 3"),

                new Case("availability zones out of range are not also compared with NAT gateways", """
                        region: test-region-1
                        environments:
                          prod:
                            network:
                              availability-zones: 8
                              nat-gateways: 3
                        """, 5, 27, "network.availability-zones: expected a whole number from 1 to 6, found 8"),

                // ---- YAML level ----
                new Case("duplicate key", """
                        region: test-region-1
                        environments:
                          prod:
                            service:
                              cpu: 256
                              cpu: 512
                        """, 6, 7, "duplicate key 'cpu'"),
                new Case("tab in indentation", "region: test-region-1\nenvironments:\n  prod:\n\tservice: {}\n",
                        4, 1, "invalid YAML"),
                new Case("mapping value where none is allowed", """
                        region: test-region-1
                        environments:
                          prod:
                            service: cpu: 256
                        """, 4, 17, "invalid YAML: mapping values are not allowed here"),
                new Case("empty file", "", 1, 1, "the file is empty; expected a YAML mapping"),
                new Case("file with only comments", "# nothing yet\n\n", 1, 1, "the file is empty"),

                // ---- phases ----
                new Case("duplicate phase ids", """
                        region: test-region-1
                        environments:
                          prod: {}
                        phases:
                          - {id: p1, title: One}
                          - {id: p1, title: Two}
                        """, 6, 10, "phases[].id: 'p1' is used twice; phase and item ids must be unique"),
                new Case("duplicate item ids", """
                        region: test-region-1
                        environments:
                          prod: {}
                        phases:
                          - id: p1
                            title: One
                            items:
                              - {id: arm, title: Graviton}
                              - {id: arm, title: Again}
                        """, 9, 14, "phase p1.items[].id: 'arm' is used twice"),
                new Case("invalid phase item status", """
                        region: test-region-1
                        environments:
                          prod: {}
                        phases:
                          - id: p1
                            title: One
                            items:
                              - {id: arm, title: Graviton, status: started}
                        """, 8, 44, "status: expected one of done, in-progress, planned, skipped, found 'started'"),
                new Case("phase without a title", """
                        region: test-region-1
                        environments:
                          prod: {}
                        phases:
                          - id: p1
                        """, 5, 5, "phases[]: missing required key 'title'"),

                // ---- budget ----
                new Case("invalid notify address points at the address", """
                        region: test-region-1
                        budget:
                          notify:
                            - ops@example.com
                            - not-an-address
                        environments:
                          prod: {}
                        """, 5, 7, "'not-an-address' is neither an e-mail address nor an SNS topic ARN"),
                new Case("alarm fraction out of range points at the fraction", """
                        region: test-region-1
                        budget:
                          alarm-at: [0.5, 2.5]
                        environments:
                          prod: {}
                        """, 3, 19, "budget.alarm-at: expected a fraction above 0 and at most 2 (1.0 = the monthly limit), found 2.5"),
                new Case("alarm fractions must ascend", """
                        region: test-region-1
                        budget:
                          alarm-at: [0.8, 0.5]
                        environments:
                          prod: {}
                        """, 3, 19, "budget.alarm-at: expected ascending, distinct fractions, found 0.5 after 0.8"),
                new Case("alarm fraction that is not a number", """
                        region: test-region-1
                        budget:
                          alarm-at: [half]
                        environments:
                          prod: {}
                        """, 3, 14, "budget.alarm-at: expected a fraction of the monthly limit such as 0.8, found 'half'"),
                new Case("commitment coverage over 100", """
                        region: test-region-1
                        budget:
                          targets: {commitment-coverage: 120}
                        environments:
                          prod: {}
                        """, 3, 34, "budget.targets.commitment-coverage: expected a number from 0 to 100, found 120"),
                // service limits, so that `cost alarms apply` is never refused half-way (issue 19)
                new Case("ten alarm fractions exceed the budget's 10 notifications with the forecast", """
                        region: test-region-1
                        budget:
                          alarm-at: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
                        environments:
                          prod: {}
                        """, 3, 59, "budget.alarm-at: at most 9 fractions (AWS Budgets allows 10 notifications per budget"),
                new Case("eleven e-mail addresses exceed a notification's 10 subscribers", """
                        region: test-region-1
                        budget:
                          notify: [a@x.io, b@x.io, c@x.io, d@x.io, e@x.io, f@x.io, g@x.io, h@x.io, i@x.io, j@x.io, k@x.io]
                        environments:
                          prod: {}
                        """, 3, 92, "budget.notify: at most 10 e-mail addresses"),
                new Case("five topic ARNs and Bella's topic exceed an alarm's 5 actions", """
                        region: test-region-1
                        budget:
                          notify: [ops@x.io, "arn:aws:sns:r:1:a", "arn:aws:sns:r:1:b", "arn:aws:sns:r:1:c", "arn:aws:sns:r:1:d", "arn:aws:sns:r:1:e"]
                        environments:
                          prod: {}
                        """, 3, 106, "budget.notify: at most 4 SNS topic ARNs"),
                new Case("empty alarm list", """
                        region: test-region-1
                        budget:
                          alarm-at: []
                        environments:
                          prod: {}
                        """, 3, 3, "budget.alarm-at: expected at least one fraction"),

                // ---- region and prices ----
                new Case("missing region", """
                        # a spec without a region
                        environments:
                          prod: {}
                        """, 2, 1, "spec: missing required key 'region'"),
                new Case("region key without a value", """
                        project: bella
                        region:
                        environments:
                          prod: {}
                        """, 2, 1, "spec.region: expected a value, found nothing"),
                new Case("unknown region without a price table", """
                        region: mars-north-1
                        environments:
                          prod: {}
                        """, 1, 9, "spec.region: no price table for region 'mars-north-1'"),
                new Case("price table file that does not exist", """
                        region: test-region-1
                        prices: prices/nope.yaml
                        environments:
                          prod: {}
                        """, 2, 9, "spec.prices: cannot find price table 'prices/nope.yaml'"),
                new Case("no environments", """
                        region: test-region-1
                        environments: {}
                        """, 2, 1, "spec.environments: expected at least one environment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithPositionAndMessage(Case c) {
        List<Problem> problems = SpecTexts.problems(c.yaml());
        assertThat(problems).as("problems for:%n%s", c.yaml()).hasSize(c.count());
        Problem first = problems.getFirst();
        assertThat(first.at()).as("position of: %s", first).isEqualTo(new Position(LABEL, c.line(), c.column()));
        assertThat(first.message()).contains(c.fragment());
    }

    @org.junit.jupiter.api.Test
    void atLeastThirtyDistinctCases() {
        List<Case> all = cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).extracting(Case::name).doesNotHaveDuplicates();
        assertThat(all).extracting(Case::yaml).doesNotHaveDuplicates();
    }
}
