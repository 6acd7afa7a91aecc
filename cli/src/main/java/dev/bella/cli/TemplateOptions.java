package dev.bella.cli;

import dev.bella.spec.Spec;
import dev.bella.stacks.StackSynthesizer;
import dev.bella.template.Synthesizer;
import dev.bella.template.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --template}: read synthesized CloudFormation instead of (or before) synthesizing the spec. */
final class TemplateOptions {

    /** What phases check synthesizes each environment with when no --template is given. */
    Synthesizer synthesizer = (spec, env, dir) -> new StackSynthesizer().synth(spec, env, dir);

    /** What is checked instead of a synthesis: templates, or the spec alone; not both (one would be ignored). */
    @ArgGroup Source source;

    @Refusal("--template and --spec-only exclude each other: check the templates, or the spec alone")
    static final class Source {
        @Option(names = "--template", paramLabel = "DIR_OR_FILE",
                description = "A CloudFormation template (JSON or YAML), a cloud assembly folder (manifest.json, e.g. "
                        + "cdk.out/prod) or a folder of them, one per environment (cdk.out).")
        Path template;

        @Option(names = "--spec-only", description = "Check the spec's own values instead of synthesizing the stacks "
                + "(seconds instead of a synth per environment; needs no Node.js).")
        boolean specOnly;
    }

    boolean given() {
        return source != null && source.template != null;
    }

    private boolean specOnly() {
        return source != null && source.specOnly;
    }

    /** The --template source; a single environment's stacks need --env when the spec has several. */
    TemplateSource read(Spec spec, Optional<String> env) {
        return read(source.template, spec, env);
    }

    /** The same, for a command that takes --template in an argument group of its own (cost report). */
    static TemplateSource read(Path template, Spec spec, Optional<String> env) {
        TemplateSource source = TemplateSource.at(template);
        if (source.singleEnvironment() && env.isEmpty() && spec.environments().size() > 1) {
            throw new UserException(ExitCode.USAGE, "--template " + template + " holds one environment's stacks; "
                    + "pass --env (the spec has " + String.join(", ", spec.environments().keySet()) + ")");
        }
        return source;
    }

    /** The --template source, else the spec alone with --spec-only, else a synthesis of the spec's stacks. */
    TemplateSource readOrSynthesize(Spec spec, Optional<String> env) {
        if (given()) {
            return read(spec, env);
        }
        if (specOnly()) {
            return TemplateSource.NONE;
        }
        try {
            Path dir = Files.createTempDirectory("bella-synth-");
            // a scratch assembly: a cron or CI run must not leave one behind per check
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "bella-synth-cleanup"));
            return TemplateSource.synthesizing(synthesizer, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: the system's temp cleaning takes what is left
        }
    }

    String describe() {
        return given() ? "the templates in " + source.template
                : specOnly() ? "the spec (--spec-only: the synthesized stacks were not checked)"
                : "the stacks synthesized from the spec";
    }
}
