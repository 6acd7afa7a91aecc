package dev.bella.cli;

import dev.bella.aws.AwsClients;
import dev.bella.aws.AwsSettings;
import dev.bella.prices.PriceTable;
import dev.bella.prices.PriceTableLoader;
import dev.bella.pricing.PriceTableRefresher;
import dev.bella.pricing.Refreshed;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;

@Command(name = "refresh",
        description = {"Rebuild a region's price table from AWS's price APIs.",
                "The AWS Price List API (pricing:GetProducts), and Fargate's Compute Savings Plans rates from the",
                "Savings Plans API (savingsplans:DescribeSavingsPlansOfferingRates).",
                "OpenAI, Twilio and allowances the API does not publish are carried over from the current table.",
                "Exits 1 without writing when a price is missing, unless --allow-incomplete."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella prices refresh --region ca-central-1 \\",
                "      --output configs/prices/aws-ca-central-1.yaml",
                "  bella prices refresh --region us-east-1 --profile billing"})
final class PricesRefreshCommand implements Callable<Integer> {

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "Region whose prices to fetch.")
    String region;

    @Option(names = "--from", paramLabel = "FILE", description = "Current table (default: the bundled one for the region).")
    Path from;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the table to FILE instead of stdout.")
    Path output;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (standard credential chain otherwise).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Price List and Savings Plans API endpoint (also AWS_ENDPOINT_URL).")
    URI endpoint;

    @Option(names = "--allow-incomplete", description = "Write the table even when some prices are missing.")
    boolean allowIncomplete;

    @CommandLine.Spec
    CommandSpec self;

    @Override
    public Integer call() {
        PriceTableLoader loader = new PriceTableLoader();
        PriceTable existing = from != null ? loader.load(from) : loader.bundled(region).orElseThrow(() ->
                new UserException(ExitCode.USAGE, "no bundled price table for " + region + "; pass the current one with --from"));
        Refreshed refreshed;
        // the Price List and Savings Plans APIs are served from us-east-1 whatever region the prices are for
        AwsClients clients = new AwsClients(AwsSettings.of(profile, "us-east-1", endpoint));
        try (PricingClient client = clients.create(PricingClient.builder());
             SavingsplansClient plans = clients.create(SavingsplansClient.builder())) {
            refreshed = new PriceTableRefresher(client, plans, Clock.systemUTC()).refresh(region, existing);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        refreshed.warnings().forEach(w -> self.commandLine().getErr().println("bella: warning: " + w));
        if (!refreshed.complete()) {
            self.commandLine().getErr().println("bella: the Price List and Savings Plans APIs gave no price for " + refreshed.missingKeys().size()
                    + " key(s): " + String.join(", ", refreshed.missingKeys()));
            if (!allowIncomplete) {
                self.commandLine().getErr().println("bella: nothing written; rerun with --allow-incomplete to write anyway");
                return ExitCode.POLICY_VIOLATION.code;
            }
        }
        OutputOptions out = new OutputOptions();
        out.output = output;
        out.write(refreshed.yaml(), self.commandLine().getOut());
        return refreshed.complete() ? ExitCode.OK.code : ExitCode.POLICY_VIOLATION.code;
    }
}
