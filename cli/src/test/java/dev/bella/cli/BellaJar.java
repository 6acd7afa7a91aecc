package dev.bella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/bella.jar ARGS} as a user runs the packaged jar, with stand-in AWS credentials and none of
 * the developer's AWS files or instance metadata, so the AWS commands reach only the test's stand-in endpoint.
 */
public final class BellaJar {

    // absolute: a run may have another working directory (runIn)
    private static final Path JAR = Path.of("target", "bella.jar").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** What the run printed and its exit code. */
    public record Run(int code, String out, String err) {
    }

    private BellaJar() {
    }

    /** Runs the jar to its end (two minutes at most); {@code noAwsFiles} is a directory with no AWS config in it. */
    public static Run run(Path noAwsFiles, List<String> args) throws Exception {
        return run(noAwsFiles, args, Map.of());
    }

    /**
     * As {@link #run(Path, List)}, in {@code dir} as the working directory (and as the one with no AWS files): with no
     * configs/bella.yaml there, a command reads the spec bundled in the jar.
     */
    public static Run runIn(Path dir, List<String> args) throws Exception {
        return run(dir, args, Map.of(), dir);
    }

    /** As {@link #run(Path, List)}, with {@code env} added to the environment (e.g. AWS_ENDPOINT_URL). */
    public static Run run(Path noAwsFiles, List<String> args, Map<String, String> extraEnv) throws Exception {
        return run(noAwsFiles, args, extraEnv, Path.of("").toAbsolutePath());
    }

    private static Run run(Path noAwsFiles, List<String> args, Map<String, String> extraEnv, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("BELLA_CONFIG"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_CONFIG_FILE", noAwsFiles.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", noAwsFiles.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(extraEnv);
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
