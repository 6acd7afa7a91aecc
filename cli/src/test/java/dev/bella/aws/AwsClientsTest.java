package dev.bella.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.pricing.PricingClient;

class AwsClientsTest {

    private WireMockServer aws;
    private AwsClients clients;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        clients = new AwsClients(AwsSettings.of(null, "us-east-1", URI.create(aws.baseUrl())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void anAccessDeniedErrorNamesTheIamActionToGrant() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User ci is not authorized\"}")));

        try (PricingClient pricing = clients.create(PricingClient.builder())) {
            assertThatThrownBy(() -> pricing.describeServices(r -> r.serviceCode("AmazonECS")))
                    .isInstanceOf(AwsServiceException.class)
                    .hasMessageStartingWith("access denied: needs IAM permission pricing:DescribeServices (User ci is not authorized)");
        }
        aws.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void otherErrorsKeepTheirMessage() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"InvalidParameterException\",\"message\":\"bad filter\"}")));

        try (PricingClient pricing = clients.create(PricingClient.builder())) {
            assertThatThrownBy(() -> pricing.describeServices(r -> r.serviceCode("AmazonECS")))
                    .isInstanceOf(AwsServiceException.class)
                    .hasMessageStartingWith("bad filter");
        }
    }

    @Test
    void aRegionCanBeSwitchedKeepingProfileAndEndpoint() {
        AwsSettings billing = clients.settings().inRegion(software.amazon.awssdk.regions.Region.US_EAST_1);
        assertThat(billing.endpoint()).contains(URI.create(aws.baseUrl()));
        assertThat(billing.region().id()).isEqualTo("us-east-1");
    }
}
