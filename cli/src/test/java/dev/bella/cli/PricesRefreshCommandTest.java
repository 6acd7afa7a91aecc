package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command's wiring and exit codes; the refresher itself is tested against WireMock in dev.bella.pricing. */
class PricesRefreshCommandTest {

    @Test
    void an_unreachable_price_list_endpoint_is_an_aws_error_in_one_line() {
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
        try {
            CliRun run = CliRun.of("prices", "refresh", "--region", "ca-central-1", "--endpoint-url", "http://127.0.0.1:9");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("bella: ").doesNotContain("\tat ");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void region_is_required_and_must_have_a_table() {
        assertThat(CliRun.of("prices", "refresh").exitCode()).isEqualTo(2);
        CliRun run = CliRun.of("prices", "refresh", "--region", "eu-west-9");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no bundled price table for eu-west-9");
    }

    @Test
    void a_profile_without_credentials_is_named_not_blamed_on_the_network() {
        CliRun run = CliRun.of("prices", "refresh", "--region", "ca-central-1", "--profile", "bella-test-no-such-profile");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("bella: no AWS credentials found for profile 'bella-test-no-such-profile'")
                .doesNotContain("network").doesNotContain("ProfileFile(");
        assertThat(run.err().lines()).hasSize(1);
    }
}
