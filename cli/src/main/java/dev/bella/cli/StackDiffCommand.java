package dev.bella.cli;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.stacks.CdkCli;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "diff",
        description = {"Show what a deploy of the environment's stacks would change.",
                "Synthesizes (or takes --app DIR), then runs npx aws-cdk@2 diff;",
                "needs Node.js, npx and AWS credentials."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella stack diff --env dev",
                "  bella stack diff --env prod --app cdk.out/prod --profile ops"})
final class StackDiffCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Option(names = "--app", paramLabel = "DIR", description = "Use this already synthesized assembly instead.")
    Path app;

    @ParentCommand
    StackCommand parent;

    @Override
    public Integer call() {
        Spec spec = stack.spec();
        Environment env = stack.target(spec);
        CdkCli cdk = new CdkCli(parent.environment);
        cdk.requireTools();
        Path assembly = stack.assembly(app, spec, env, parent.environment);
        int code = cdk.run(cdk.command("diff", assembly, Optional.ofNullable(stack.common.profile), false));
        if (code != 0) {
            throw new UserException(ExitCode.AWS, "cdk diff exited with " + code + "; see its output above");
        }
        return ExitCode.OK.code;
    }
}
