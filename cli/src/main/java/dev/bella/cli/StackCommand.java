package dev.bella.cli;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "stack", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The CDK stacks of an environment, built from the spec.",
                "synth works offline and in-process (needs node); diff and deploy run the CDK CLI",
                "(npx aws-cdk@2: needs Node.js, npx and AWS credentials)."},
        subcommands = {StackSynthCommand.class, StackDiffCommand.class, StackDeployCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  bella stack synth --env prod --output cdk.out/prod",
                "  bella stack diff --env dev",
                "  bella stack deploy --env prod --allow-prod --yes"})
final class StackCommand {

    /** The process environment (PATH for node and npx) and standard input; tests replace both. */
    Map<String, String> environment = System.getenv();
    InputStream stdin = System.in;

    /** The environment named by --env, which every stack command needs. */
    static Environment target(Spec spec, CommonOptions common) {
        if (common.region != null && !common.region.equals(spec.region())) {
            // the stacks are the spec's: deploying them elsewhere would leave the spec describing the wrong region
            throw new UserException(ExitCode.USAGE, "--region " + common.region + " differs from the spec's region "
                    + spec.region() + "; the stacks go where the spec says: change `region` in "
                    + spec.source().label() + " (or drop --region)");
        }
        String name = common.environment().orElseThrow(() -> new UserException(ExitCode.USAGE,
                "pass --env with one of: " + String.join(", ", spec.environments().keySet())));
        return spec.environment(name).orElseThrow(() -> new UserException(ExitCode.USAGE, "no environment '" + name
                + "' in " + spec.source().label() + "; expected one of: " + String.join(", ", spec.environments().keySet())));
    }
}
