package dev.bella.aws;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom AWS calls go: the CLI's --profile, --region and --endpoint-url after defaults are
 * applied. An absent profile means the standard credential chain; an absent endpoint means AWS itself
 * (the SDK still honours {@code AWS_ENDPOINT_URL} then).
 */
public record AwsSettings(Optional<String> profile, Region region, Optional<URI> endpoint) {

    public AwsSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static AwsSettings of(String profile, String region, URI endpoint) {
        return new AwsSettings(Optional.ofNullable(profile), Region.of(region), Optional.ofNullable(endpoint));
    }

    /** The same account and endpoint in another region (billing metrics live only in us-east-1). */
    public AwsSettings inRegion(Region other) {
        return new AwsSettings(profile, other, endpoint);
    }
}
