package dev.bella.cli;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.stacks.BellaStacks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

@Command(name = "synth",
        description = {"Write the environment's CloudFormation templates to a directory.",
                "A standard CDK cloud assembly (manifest.json + one template per stack), written offline:",
                "no AWS access, no CDK CLI; needs node on the PATH. Prints one template path per stack."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella stack synth --env prod --output cdk.out/prod",
                "  bella stack synth --env dev --config configs/bella.yaml"})
final class StackSynthCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @ParentCommand
    StackCommand parent;

    @CommandLine.Spec
    CommandSpec self;

    @Override
    public Integer call() {
        Spec spec = stack.spec();
        Environment env = stack.target(spec);
        Path dir = stack.synth(spec, env, parent.environment);
        for (String stack : BellaStacks.names(spec, env)) {
            self.commandLine().getOut().println(dir.resolve(stack + ".template.json"));
        }
        return ExitCode.OK.code;
    }
}
