package dev.bella.stacks;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Validations;

/**
 * Synthesizes one environment's stacks in-process (no CDK CLI) into a standard cloud assembly:
 * {@code manifest.json} and one {@code <StackName>.template.json} per stack. The CDK runs its
 * TypeScript core in a Node.js child process (jsii), so {@code node} must be on the PATH.
 */
public final class StackSynthesizer {

    /**
     * The CDK's template validation (CloudFormation's schema rules) fails the synth instead of printing
     * warnings: an invalid template must not get as far as a deploy. cdk/cdk.json sets the same.
     */
    static final Map<String, Object> CONTEXT = Map.of("@aws-cdk/core:validateAgainstDefaultRules", true,
            // the stacks reference each other by CloudFormation exports; "strong" keeps an export from being
            // removed while another stack still imports it (and silences the CDK's warning about the default)
            "@aws-cdk/core:defaultCrossStackReferences", "strong");

    private final Map<String, String> env;

    public StackSynthesizer() {
        this(System.getenv());
    }

    /** {@code env} is the process environment whose PATH must hold {@code node} (tests pass their own). */
    public StackSynthesizer(Map<String, String> env) {
        this.env = env;
    }

    public Path synth(Spec spec, String environment, Path outDir) {
        synth(spec, environment, outDir, false);
        return outDir;
    }

    /**
     * Synthesizes with the AwsSolutions rule pack (cdk-nag) as a policy validation plugin and returns the
     * findings that were neither fixed nor acknowledged ({@link TradeOffs}); the templates are written either
     * way, so a caller can report the findings beside its other checks.
     */
    public List<AwsSolutionsFindings.Finding> synthChecked(Spec spec, String environment, Path outDir) {
        synth(spec, environment, outDir, true);
        return AwsSolutionsFindings.read(outDir);
    }

    private void synth(Spec spec, String environment, Path outDir, boolean awsSolutions) {
        Environment target = spec.environment(environment).orElseThrow(() -> new StackException(
                "no environment '" + environment + "' in " + spec.source().label() + " (expected one of: "
                        + String.join(", ", spec.environments().keySet()) + ")"));
        requireNode();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new StackException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        App app = App.Builder.create().outdir(outDir.toString()).analyticsReporting(false)
                .context(CONTEXT).build();
        BellaStacks.add(app, spec, target);
        if (awsSolutions) {
            Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
        }
        try {
            Files.deleteIfExists(outDir.resolve(AwsSolutionsFindings.REPORT));
            app.synth();
        } catch (IOException e) {
            throw new StackException("cannot clean " + outDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (awsSolutions && Files.isRegularFile(outDir.resolve(AwsSolutionsFindings.REPORT))) {
                return; // the plugin's verdict: the caller reads the findings from the report
            }
            // jsii errors carry the TypeScript stack after the first line; the first line says what is wrong
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("(no message)");
            throw new StackException("synth of " + environment + " failed: " + message, e);
        }
    }

    /** jsii starts {@code node} (or $JSII_NODE); without it the CDK fails with a Java stack trace, not a hint. */
    void requireNode() {
        String explicit = env.get("JSII_NODE");
        if (explicit != null && !explicit.isBlank()) {
            return;
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
                return;
            }
        }
        throw new StackException("synth needs Node.js: no 'node' on the PATH; install Node.js 20 or newer "
                + "(the CDK runs its core in node)");
    }
}
