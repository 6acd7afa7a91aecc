package dev.bella.cli;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.stacks.StackSynthesizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What synth, diff and deploy share: the spec options, --output, and the assembly they synthesize. */
final class StackOptions {

    @Mixin
    CommonOptions common;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to synthesize (default: cdk.out/<env>).")
    Path output;

    Spec spec() {
        return SpecResolver.fromEnvironment().load(common);
    }

    /** The environment named by --env, which every stack command needs. */
    Environment target(Spec spec) {
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

    /** Synthesizes {@code env}'s stacks into --output (default {@code cdk.out/<env>}); {@code process} holds PATH. */
    Path synth(Spec spec, Environment env, Map<String, String> process) {
        Path dir = output != null ? output : Path.of("cdk.out", env.name());
        return new StackSynthesizer(process).synth(spec, env.name(), dir);
    }

    /** {@code --app DIR} when given (it must hold a manifest), else a fresh synth. */
    Path assembly(Path app, Spec spec, Environment env, Map<String, String> process) {
        if (app == null) {
            return synth(spec, env, process);
        }
        if (!Files.isRegularFile(app.resolve("manifest.json"))) {
            throw new UserException(ExitCode.USAGE, "--app " + app + " is not a cloud assembly (no manifest.json); "
                    + "write one with bella stack synth --env " + env.name() + " --output " + app);
        }
        return app;
    }
}
