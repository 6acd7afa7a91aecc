package dev.bella.cli;

import dev.bella.spec.Spec;
import dev.bella.template.Synthesizer;
import dev.bella.template.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --template}: read synthesized CloudFormation instead of (or before) synthesizing the spec. */
final class TemplateOptions {

    /**
     * The CDK stacks, when this build has them: phases check synthesizes each environment with it when no
     * --template is given. Empty means policies fall back to the spec's own values. The one line to change
     * when the stacks land: {@code Optional.of(new StackSynthesizer()::synth)}.
     */
    static final Optional<Synthesizer> SYNTHESIZER = Optional.empty();

    @Option(names = "--template", paramLabel = "DIR_OR_FILE",
            description = "A CloudFormation template (JSON or YAML), a cloud assembly folder (manifest.json, e.g. "
                    + "cdk.out/prod) or a folder of them, one per environment (cdk.out).")
    Path template;

    boolean given() {
        return template != null;
    }

    /** The --template source; a single environment's stacks need --env when the spec has several. */
    TemplateSource read(Spec spec, Optional<String> env) {
        TemplateSource source = TemplateSource.at(template);
        if (source.singleEnvironment() && env.isEmpty() && spec.environments().size() > 1) {
            throw new UserException(ExitCode.USAGE, "--template " + template + " holds one environment's stacks; "
                    + "pass --env (the spec has " + String.join(", ", spec.environments().keySet()) + ")");
        }
        return source;
    }

    /** The --template source, else a synthesis when the stacks are in this build, else none. */
    TemplateSource readOrSynthesize(Spec spec, Optional<String> env) {
        if (given()) {
            return read(spec, env);
        }
        return SYNTHESIZER.map(s -> {
            try {
                return TemplateSource.synthesizing(s, Files.createTempDirectory("bella-synth-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(TemplateSource.NONE);
    }

    String describe() {
        return given() ? "the templates in " + template
                : SYNTHESIZER.isPresent() ? "the stacks synthesized from the spec"
                : "the spec (no --template given; run `bella stack synth` and pass --template cdk.out to check "
                + "the synthesized stacks)";
    }
}
