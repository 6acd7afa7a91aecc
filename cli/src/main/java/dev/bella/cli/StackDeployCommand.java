package dev.bella.cli;

import dev.bella.spec.Environment;
import dev.bella.spec.Image;
import dev.bella.spec.Spec;
import dev.bella.stacks.BellaStacks;
import dev.bella.stacks.CdkCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

@Command(name = "deploy",
        description = {"Deploy the environment's stacks.",
                "Synthesizes (or takes --app DIR), then runs npx aws-cdk@2 deploy; needs Node.js, npx and",
                "AWS credentials. Asks first unless --yes; a protected environment needs --allow-prod."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella stack deploy --env dev",
                "  bella stack deploy --env prod --allow-prod --yes --profile ops"})
final class StackDeployCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--app", paramLabel = "DIR", description = "Deploy this already synthesized assembly instead.")
    Path app;

    @Option(names = "--yes", description = "Do not ask for confirmation (and let the CDK CLI not ask either).")
    boolean yes;

    @Option(names = "--allow-prod", description = "Allow deploying an environment the spec marks protected.")
    boolean allowProd;

    @ParentCommand
    StackCommand parent;

    @CommandLine.Spec
    CommandSpec self;

    @Override
    public Integer call() {
        Spec spec = stack.spec();
        Environment env = stack.target(spec);
        if (env.protectedEnv() && !allowProd) {
            throw new UserException(ExitCode.USAGE, "refusing to deploy " + env.name() + ": the spec marks it "
                    + "protected; pass --allow-prod to deploy it");
        }
        if (env.protectedEnv()) {
            requirePinned(spec, env, "image", env.image());
            if (env.schedule().isPresent()) {
                requirePinned(spec, env, "scheduler.image", env.scheduler().image());
            }
        }
        CdkCli cdk = new CdkCli(parent.environment);
        cdk.requireTools();
        if (!yes && !confirmed(spec, env)) {
            self.commandLine().getErr().println("bella: not confirmed; nothing deployed");
            return ExitCode.POLICY_VIOLATION.code;
        }
        Path assembly = stack.assembly(app, spec, env, parent.environment);
        int code = cdk.run(cdk.command("deploy", assembly, Optional.ofNullable(stack.common.profile), yes));
        if (code != 0) {
            throw new UserException(ExitCode.AWS, "cdk deploy exited with " + code + "; see its output above");
        }
        return ExitCode.OK.code;
    }

    /** A protected environment runs what was built and tested, not whatever `latest` points at by then. */
    private static void requirePinned(Spec spec, Environment env, String key, Image image) {
        if (image.mutable()) {
            throw new UserException(ExitCode.USAGE, "refusing to deploy " + env.name() + ": its " + key + " is "
                    + image.label() + ", a tag that moves; set environments." + env.name() + "." + key
                    + ".digest (sha256:...) or an immutable tag from the build in " + spec.source().label());
        }
    }

    private boolean confirmed(Spec spec, Environment env) {
        PrintWriter err = self.commandLine().getErr();
        err.print("Deploy " + String.join(", ", BellaStacks.names(spec, env)) + " (environment " + env.name()
                + ", region " + spec.region() + ")? [y/N] ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(parent.stdin, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.println();
        if (answer == null) {
            throw new UserException(ExitCode.USAGE, "no answer on standard input; pass --yes to deploy without asking");
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
