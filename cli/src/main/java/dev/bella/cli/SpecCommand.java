package dev.bella.cli;

import dev.bella.spec.Spec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

@Command(name = "spec",
        description = "The declarative spec (configs/bella.yaml).",
        footerHeading = "%nExamples:%n",
        footer = {"  bella spec validate --config configs/examples/baseline.yaml"})
final class SpecCommand {

    @Command(name = "validate",
            description = "Check the spec; print OK, or every problem as file:line:column: message (exit 2).",
            footerHeading = "%nExamples:%n",
            footer = {"  bella spec validate", "  bella spec validate --config configs/examples/baseline.yaml"})
    static final class Validate implements Callable<Integer> {

        @Mixin CommonOptions common;

        @CommandLine.Spec
        CommandSpec self;

        @Override
        public Integer call() {
            Spec spec = SpecResolver.fromEnvironment().load(common);
            self.commandLine().getOut().println("OK " + spec.source().label() + ": "
                    + spec.environments().size() + " environment(s) " + spec.environments().keySet() + ", "
                    + spec.schedules().size() + " schedule(s), " + spec.phases().size() + " phase(s), prices "
                    + spec.prices().name());
            return ExitCode.OK.code;
        }
    }
}
