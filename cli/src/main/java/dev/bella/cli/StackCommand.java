package dev.bella.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "stack",
        description = {"The CDK stacks of an environment, built from the spec.",
                "synth works offline and in-process (needs node); diff and deploy run the CDK CLI",
                "(npx aws-cdk@2: needs Node.js, npx and AWS credentials)."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella stack synth --env prod --output cdk.out/prod",
                "  bella stack diff --env dev",
                "  bella stack deploy --env prod --allow-prod --yes"})
final class StackCommand {

    /** The process environment (PATH for node and npx) and standard input; tests replace both. */
    Map<String, String> environment = System.getenv();
    InputStream stdin = System.in;
}
