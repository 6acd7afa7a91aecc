package dev.bella.cli;

import dev.bella.aws.AwsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes (DESIGN.md, "Conventions"). */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The spec. Default: $BELLA_CONFIG, else ./configs/bella.yaml, else the bundled copy.")
    Path config;

    @Option(names = "--env", paramLabel = "ENV", description = "Only this environment of the spec.")
    String env;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (standard credential chain otherwise).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the spec's).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send AWS calls to URL instead of AWS (a proxy, a local fake); AWS_ENDPOINT_URL works too.")
    URI endpoint;

    @Option(names = "--no-color", description = "No ANSI colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    Optional<String> environment() {
        return Optional.ofNullable(env);
    }

    /** Where AWS calls go: --region, else the spec's region. */
    AwsSettings aws(String specRegion) {
        return AwsSettings.of(profile, region != null ? region : specRegion, endpoint);
    }

    boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && isTerminal();
    }

    /**
     * On Java 22+ System.console() exists even when output is piped; Console.isTerminal() tells the
     * difference, but the code targets 21, so it is looked up when present.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
