package dev.bella.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server standing in for AWS, started before and stopped after each test, with dummy
 * credentials for the default chain (it reads these system properties first; no real credentials are
 * involved). Use as {@code @RegisterExtension final FakeAwsEndpoint aws = new FakeAwsEndpoint();}
 * and pass {@code aws.baseUrl()} as --endpoint-url.
 */
public final class FakeAwsEndpoint extends WireMockServer implements BeforeEachCallback, AfterEachCallback {

    public FakeAwsEndpoint() {
        super(options().dynamicPort());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
