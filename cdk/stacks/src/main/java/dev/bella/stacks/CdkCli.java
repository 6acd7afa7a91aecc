package dev.bella.stacks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard CDK CLI, run through npx against an assembly bella synthesized ({@code --app DIR}), for what
 * only it does: diffing against and deploying to CloudFormation. Synth itself never needs it.
 */
public final class CdkCli {

    /** The CLI package npx runs: the newest 2.x, which reads any assembly aws-cdk-lib 2.x writes. */
    public static final String PACKAGE = "aws-cdk@2";

    private final Map<String, String> env;

    /** {@code env} is the environment the CLI runs with; its PATH is where node and npx are looked for. */
    public CdkCli(Map<String, String> env) {
        this.env = env;
    }

    /** The command line for {@code action} (diff or deploy) on every stack of {@code assembly}. */
    public List<String> command(String action, Path assembly, Optional<String> profile, boolean noApproval) {
        List<String> command = new ArrayList<>(List.of(executable("npx").map(Path::toString).orElse("npx"), "--yes",
                PACKAGE, action, "--app", assembly.toString(), "--all"));
        profile.ifPresent(p -> command.addAll(List.of("--profile", p)));
        if ("deploy".equals(action) && noApproval) {
            // --yes: an unattended run (CI) must not block on the CDK CLI's own prompt for IAM and security group changes
            command.addAll(List.of("--require-approval", "never"));
        }
        return command;
    }

    /** Fails with the fix when node or npx is missing, before anything is synthesized or asked. */
    public void requireTools() {
        for (String tool : List.of("node", "npx")) {
            if (executable(tool).isEmpty()) {
                throw new StackException("'" + tool + "' not found on the PATH: bella stack diff and deploy run the "
                        + "CDK CLI with npx (" + PACKAGE + "); install Node.js 20 or newer with npm, then retry");
            }
        }
    }

    /** Runs the CLI with this terminal's input and output; returns its exit code. */
    public int run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("PATH", env.getOrDefault("PATH", ""));
        builder.environment().putIfAbsent("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new StackException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while running the CDK CLI", e);
        }
    }

    private Optional<Path> executable(String name) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
