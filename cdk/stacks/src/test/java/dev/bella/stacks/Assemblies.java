package dev.bella.stacks;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesized cloud assemblies shared by every test in the JVM: a synth costs seconds (the jsii runtime,
 * then the CDK itself), so each spec and environment is synthesized once, through {@link StackSynthesizer}
 * exactly as the CLI does, and the tests read the templates it wrote.
 */
final class Assemblies {

    /** configs/bella.yaml: prod (HTTP API, no cache, protected) and dev (spot, office-hours schedule). */
    static final Path SPEC = Path.of("../../configs/bella.yaml");

    /** A spec exercising the other branches: ALB with a certificate, Redis, three zones, NAT, x86, custom alarms. */
    static final String VARIANT = """
            project: shop
            region: ca-central-1
            environments:
              edge:
                service:
                  cpu: 1024
                  memory: 2048
                  architecture: x86
                  desired: 2
                  autoscaling: {min: 2, max: 8, target-cpu: 55, scale-out-cooldown: 120s, scale-in-cooldown: 900s}
                  spot-weight: 30
                  port: 9000
                  health-check-path: /ready
                ingress: alb
                certificate-arn: arn:aws:acm:ca-central-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc
                public-url: https://voice.example.com
                image: {repository: team/booking, tag: v1.2.3}
                network: {availability-zones: 3, nat-gateways: 1}
                database: {instance-class: db.t3.micro, storage-gb: 50, storage-type: gp2, multi-az: true,
                           backup-retention-days: 14, engine-version: "17"}
                cache: {engine: redis, node-type: cache.t3.micro, nodes: 2}
                logs: {retention-days: 90}
                alarms: {p99-latency: 2500ms, error-rate-percent: 2, db-cpu-percent: 75, db-free-storage-gb: 5}
              plain:
                extends: edge
                certificate-arn: null
                public-url: null
                schedule: nights
                scheduler: {image: {repository: ops/bella-cli, tag: "2026.11"}, every: 5m}
            schedules:
              nights: {timezone: Asia/Tokyo, running: [{days: mon-fri, from: "20:00", to: "06:00"}]}
            budget: {notify: [ops@example.com, "arn:aws:sns:ca-central-1:123456789012:pager"]}
            """;

    private static final Map<String, Path> SYNTHESIZED = new HashMap<>();

    private Assemblies() {
    }

    static synchronized Path of(String specName, String env) {
        return SYNTHESIZED.computeIfAbsent(specName + "/" + env, key -> {
            try {
                Path out = Files.createTempDirectory("bella-synth-" + specName + "-" + env);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(out)));
                return new StackSynthesizer().synth(spec(specName), env, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing a test run for
        }
    }

    static Spec spec(String name) {
        SpecLoader loader = new SpecLoader();
        return switch (name) {
            case "bella" -> loader.load(SPEC);
            case "variant" -> loader.read(loader.parse(new SpecSource.Bundled("variant.yaml"), VARIANT));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Template template(String specName, String env, String stack) {
        try {
            return Template.fromString(Files.readString(of(specName, env).resolve(stack + ".template.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
