package dev.bella.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bella.yaml.Position;
import dev.bella.yaml.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The keys the CDK stacks read (image, port, health check, certificate, alarms, scheduler, engine version). */
class SpecStackSettingsTest {

    @Test
    void defaultsWhenNothingIsWritten() {
        Environment prod = SpecTexts.load("""
                project: shop
                region: test-region-1
                environments:
                  prod: {}
                """).environment("prod").orElseThrow();
        assertThat(prod.image()).isEqualTo(new Image("shop", "latest"));
        assertThat(prod.service().port()).isEqualTo(8080);
        assertThat(prod.service().healthCheckPath()).isEqualTo("/health");
        assertThat(prod.database().engineVersion()).isEqualTo("16");
        assertThat(prod.certificateArn()).isEmpty();
        assertThat(prod.alarms()).isEqualTo(new Alarms(Duration.ofSeconds(3), 5, 80, 2));
        assertThat(prod.scheduler()).isEqualTo(new Scheduler(new Image("shop-cli", "latest"), Duration.ofMinutes(10)));
    }

    @Test
    void everyKeyReadAndInheritedThroughExtends() {
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod:
                    service: {port: 9000, health-check-path: /ready}
                    image: {repository: team/booking, tag: v1.2.3}
                    certificate-arn: arn:aws:acm:ca-central-1:123456789012:certificate/abc-123
                    database: {engine-version: "17.2"}
                    alarms: {p99-latency: 2500ms, error-rate-percent: 2, db-cpu-percent: 75, db-free-storage-gb: 5}
                    scheduler: {image: {repository: ops/cli, tag: "1"}, every: 5m}
                  dev:
                    extends: prod
                    scheduler: {every: 1m}
                """);
        for (String name : List.of("prod", "dev")) {
            Environment env = spec.environment(name).orElseThrow();
            assertThat(env.service().port()).isEqualTo(9000);
            assertThat(env.service().healthCheckPath()).isEqualTo("/ready");
            assertThat(env.image()).isEqualTo(new Image("team/booking", "v1.2.3"));
            assertThat(env.certificateArn()).contains("arn:aws:acm:ca-central-1:123456789012:certificate/abc-123");
            assertThat(env.database().engineVersion()).isEqualTo("17.2");
            assertThat(env.alarms()).isEqualTo(new Alarms(Duration.ofMillis(2500), 2, 75, 5));
            assertThat(env.scheduler().image()).isEqualTo(new Image("ops/cli", "1"));
        }
        assertThat(spec.environment("prod").orElseThrow().scheduler().every()).isEqualTo(Duration.ofMinutes(5));
        assertThat(spec.environment("dev").orElseThrow().scheduler().every()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aDigestPinsTheImageAndThrottleComesFromTheSpec() {
        String digest = "sha256:" + "0123456789abcdef".repeat(4);
        Spec spec = SpecTexts.load("""
                region: test-region-1
                environments:
                  prod:
                    ingress: http-api
                    image: {repository: team/booking, digest: "%s"}
                    throttle: {rate-per-second: 40, burst: 80}
                  dev: {}
                """.formatted(digest));
        Environment prod = spec.environment("prod").orElseThrow();
        assertThat(prod.image().digest()).contains(digest);
        assertThat(prod.image().mutable()).isFalse();
        assertThat(prod.image().label()).isEqualTo("team/booking@" + digest);
        assertThat(prod.throttle()).isEqualTo(new Throttle(40, 80));
        Environment dev = spec.environment("dev").orElseThrow();
        assertThat(dev.image().mutable()).as("the default tag latest moves under a deploy").isTrue();
        assertThat(dev.throttle()).isEqualTo(Throttle.DEFAULT);
    }

    @Test
    void theOldConstructorsKeepTheDefaults() {
        Service s = new Service(256, 512, Architecture.X86, 1, new Autoscaling(1, 1, 70, Duration.ofSeconds(300),
                Duration.ofSeconds(600), Optional.empty()), 0);
        assertThat(s.port()).isEqualTo(Service.DEFAULT_PORT);
        assertThat(new Database("postgres", "db.t4g.micro", 20, "gp3", false, 7).engineVersion()).isEqualTo("16");
    }

    record Case(String name, String yaml, int line, int column, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("repository with upper case", """
                        region: test-region-1
                        environments:
                          prod:
                            image: {repository: Team/Booking}
                        """, 4, 25, "image.repository: 'Team/Booking' is not an ECR repository name"),
                new Case("tag starting with a dot", """
                        region: test-region-1
                        environments:
                          prod:
                            image: {tag: .latest}
                        """, 4, 18, "image.tag: '.latest' is not an image tag"),
                new Case("port out of range", """
                        region: test-region-1
                        environments:
                          prod:
                            service: {port: 70000}
                        """, 4, 21, "service.port"),
                new Case("health check path without slash", """
                        region: test-region-1
                        environments:
                          prod:
                            service: {health-check-path: health}
                        """, 4, 34, "health-check-path: expected a path starting with /, found 'health'"),
                new Case("certificate that is not an ACM ARN", """
                        region: test-region-1
                        environments:
                          prod:
                            certificate-arn: arn:aws:iam::123456789012:server-certificate/x
                        """, 4, 22, "certificate-arn: 'arn:aws:iam::123456789012:server-certificate/x' is not an ACM certificate ARN"),
                new Case("public URL with a path", """
                        region: test-region-1
                        environments:
                          prod:
                            public-url: https://voice.example.com/twilio
                        """, 4, 17, "public-url: expected an https URL with a host and no path, such as https://voice.example.com, found 'https://voice.example.com/twilio'"),
                new Case("public URL over http", """
                        region: test-region-1
                        environments:
                          prod:
                            public-url: http://voice.example.com
                        """, 4, 17, "public-url: expected an https URL with a host and no path"),
                new Case("protected ALB without a certificate", """
                        region: test-region-1
                        environments:
                          prod:
                            protected: true
                            ingress: alb
                        """, 5, 5, "environments.prod: a protected environment with ingress: alb needs certificate-arn"),
                new Case("protected environment on the default ingress (alb) without a certificate", """
                        region: test-region-1
                        environments:
                          prod: {protected: true}
                        """, 3, 9, "a protected environment with ingress: alb needs certificate-arn"),
                new Case("digest that is not sha256", """
                        region: test-region-1
                        environments:
                          prod:
                            image: {repository: bella, digest: "sha256:abc"}
                        """, 4, 40, "image.digest: 'sha256:abc' is not an image digest"),
                new Case("digest and tag together", """
                        region: test-region-1
                        environments:
                          prod:
                            image: {tag: v1, digest: "sha256:%s"}
                        """.formatted("a".repeat(64)), 4, 30, "image.digest: give a digest or a tag, not both"),
                new Case("throttle burst below the rate", """
                        region: test-region-1
                        environments:
                          prod:
                            throttle: {rate-per-second: 100, burst: 10}
                        """, 4, 38, "throttle.burst: must be at least rate-per-second (100), found 10"),
                new Case("throttle rate of zero", """
                        region: test-region-1
                        environments:
                          prod:
                            throttle: {rate-per-second: 0}
                        """, 4, 33, "throttle.rate-per-second"),
                new Case("certificate with an HTTP API", """
                        region: test-region-1
                        environments:
                          prod:
                            ingress: http-api
                            certificate-arn: arn:aws:acm:ca-central-1:123456789012:certificate/abc
                        """, 5, 22, "certificate-arn: only an ALB takes a certificate; this environment has ingress: http-api"),
                new Case("free-storage alarm above the storage", """
                        region: test-region-1
                        environments:
                          prod:
                            database: {storage-gb: 20}
                            alarms: {db-free-storage-gb: 20}
                        """, 5, 34, "db-free-storage-gb: 20 GB would alarm at once: the database has only 20 GB"),
                new Case("latency budget of zero", """
                        region: test-region-1
                        environments:
                          prod:
                            alarms: {p99-latency: 0s}
                        """, 4, 27, "alarms.p99-latency: expected between 1ms and 60s"),
                new Case("error rate over 100", """
                        region: test-region-1
                        environments:
                          prod:
                            alarms: {error-rate-percent: 150}
                        """, 4, 34, "alarms.error-rate-percent"),
                new Case("scheduler rate in seconds", """
                        region: test-region-1
                        environments:
                          prod:
                            scheduler: {every: 90s}
                        """, 4, 24, "scheduler.every: expected whole minutes between 1m and 60m, found 90s"),
                new Case("scheduler rate over an hour", """
                        region: test-region-1
                        environments:
                          prod:
                            scheduler: {every: 2h}
                        """, 4, 24, "scheduler.every: expected whole minutes between 1m and 60m, found 2h"),
                new Case("engine version that is not a number", """
                        region: test-region-1
                        environments:
                          prod:
                            database: {engine-version: latest}
                        """, 4, 32, "database.engine-version: expected a PostgreSQL version such as 16 or 16.4, found 'latest'"),
                new Case("tarball with a repository", """
                        region: test-region-1
                        environments:
                          prod:
                            image: {repository: bella, tarball: target/jib-image.tar}
                        """, 4, 41, "image.tarball: a local image tarball has no ECR repository, tag or digest"),
                new Case("unknown key in alarms", """
                        region: test-region-1
                        environments:
                          prod:
                            alarms: {cpu-percent: 50}
                        """, 4, 14, "alarms: unknown key 'cpu-percent'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectedWithPositionAndMessage(Case c) {
        List<Problem> problems = SpecTexts.problems(c.yaml());
        assertThat(problems).as("problems for:%n%s", c.yaml()).hasSize(1);
        Problem first = problems.getFirst();
        assertThat(first.message()).contains(c.fragment());
        assertThat(first.at()).as("position of: %s", first).isEqualTo(new Position(SpecLoaderBadConfigTest.LABEL,
                c.line(), c.column()));
    }
}
