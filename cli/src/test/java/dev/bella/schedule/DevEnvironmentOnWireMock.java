package dev.bella.schedule;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bella.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the reconciler tests share: the bundled spec's dev environment, and a WireMock server speaking the SDK's real
 * protocols ({@link FakeAws}) that the AWS ports are pointed at, fresh for every test.
 */
abstract class DevEnvironmentOnWireMock {

    /** Saturday 2026-11-28 10:00 in Toronto: the Friday 19:00 stop was missed, the dev environment is still up. */
    static final Instant SATURDAY = Instant.parse("2026-11-28T15:00:00Z");
    /** Monday 2026-11-30 08:00 in Toronto: inside the window. */
    static final Instant MONDAY = Instant.parse("2026-11-30T13:00:00Z");

    static final Map<String, String> DEV = Map.of("Environment", "dev", "bella:managed", "true");

    WireMockServer server;
    FakeAws aws;
    AwsPorts ports;
    ScheduledEnvironment env;

    @BeforeEach
    void startFakeAws() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        aws = new FakeAws(server);
        ports = aws.ports();
        env = ScheduledEnvironment.resolve(new SpecLoader().load(Path.of("../configs/bella.yaml")), Optional.of("dev"));
    }

    @AfterEach
    void stopFakeAws() {
        ports.close();
        server.stop();
    }
}
