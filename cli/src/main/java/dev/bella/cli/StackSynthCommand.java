package dev.bella.cli;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.stacks.BellaStacks;
import dev.bella.stacks.StackSynthesizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "synth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the environment's CloudFormation templates to a directory.",
                "A standard CDK cloud assembly (manifest.json + one template per stack), written offline:",
                "no AWS access, no CDK CLI; needs node on the PATH. Prints one template path per stack."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella stack synth --env prod --output cdk.out/prod",
                "  bella stack synth --env dev --config configs/bella.yaml"})
final class StackSynthCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--output", paramLabel = "DIR", description = "Assembly directory (default: cdk.out/<env>).")
    Path output;

    @ParentCommand
    StackCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec self;

    @Override
    public Integer call() {
        Spec spec = SpecResolver.fromEnvironment().load(common);
        Environment env = StackCommand.target(spec, common);
        Path dir = synth(spec, env, output, parent);
        for (String stack : BellaStacks.names(spec, env)) {
            self.commandLine().getOut().println(dir.resolve(stack + ".template.json"));
        }
        return ExitCode.OK.code;
    }

    static Path synth(Spec spec, Environment env, Path output, StackCommand parent) {
        Path dir = output != null ? output : Path.of("cdk.out", env.name());
        return new StackSynthesizer(parent.environment).synth(spec, env.name(), dir);
    }
}
