package dev.bella.stacks;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import java.nio.file.Path;
import software.amazon.awscdk.App;

/**
 * The CDK app for the standard CDK CLI ({@code cdk/cdk.json}): {@code npx aws-cdk@2 synth -c env=dev}.
 * The context keys {@code env} (required) and {@code config} (the spec; default ../configs/bella.yaml in
 * cdk.json) choose what to synthesize; the output directory is the one the CDK CLI passes in.
 */
public final class BellaApp {

    private BellaApp() {
    }

    public static void main(String[] args) {
        App app = App.Builder.create().context(StackSynthesizer.CONTEXT).build();
        Object envName = app.getNode().tryGetContext("env");
        if (envName == null) {
            System.err.println("bella: pass the environment as context: -c env=dev (or env=prod)");
            System.exit(2);
        }
        Object config = app.getNode().tryGetContext("config");
        Spec spec = config != null ? new SpecLoader().load(Path.of(config.toString()))
                : new SpecLoader().loadBundled(SpecLoader.DEFAULT_SPEC);
        Environment env = spec.environment(envName.toString()).orElseThrow(() -> new StackException(
                "no environment '" + envName + "' in " + spec.source().label()));
        BellaStacks.add(app, spec, env);
        app.synth();
    }
}
