package dev.bella.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Whether the SDK would find credentials, asked of the SDK's own providers in the order of its default chain, so
 * {@code --source auto} agrees with what an AWS command then does: system properties, environment, web identity,
 * the profile (named by --profile, else AWS_PROFILE, else default) in the config and credentials files under
 * {@code $HOME} (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), and the container endpoint. The instance
 * metadata endpoint is not asked: off EC2 that call stalls a laptop for seconds; on EC2 pass --source aws.
 *
 * <p>The environment is a parameter rather than the SDK's own read of the process environment so a caller (and a
 * test) can hand in the one the command runs with; in production it is the process environment.
 */
public final class ConfiguredCredentials {

    // the SDK's words when the profile is missing or has no credential settings (e.g. only a region)
    private static final String NONE_IN_PROFILE = "Profile file contained no credentials";

    private ConfiguredCredentials() {
    }

    /** Where the credentials would come from, or empty when the SDK would find none. */
    public static Optional<String> find(Map<String, String> env, Optional<String> profile) {
        if (hasSystemProperties()) {
            return Optional.of("system properties");
        }
        if (env.containsKey("AWS_ACCESS_KEY_ID") && env.containsKey("AWS_SECRET_ACCESS_KEY")) {
            return Optional.of("environment");
        }
        if (env.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE") && env.containsKey("AWS_ROLE_ARN")) {
            return Optional.of("web identity");
        }
        String name = profile.or(() -> Optional.ofNullable(env.get("AWS_PROFILE"))).orElse("default");
        if (profileHasCredentials(env, name)) {
            return Optional.of("profile '" + name + "'");
        }
        if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                || env.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            return Optional.of("container");
        }
        return Optional.empty();
    }

    /**
     * The two properties the SDK's SystemPropertyCredentialsProvider reads, read directly: loading the SDK's
     * credential classes costs an offline {@code cost report} (auto is its default) about 20 ms of start-up, and
     * they are loaded below only when a profile file exists.
     */
    private static boolean hasSystemProperties() {
        return notBlank(System.getProperty("aws.accessKeyId")) && notBlank(System.getProperty("aws.secretAccessKey"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Resolved by the SDK's profile provider. A profile that resolves to nothing usable (SSO without a login, a
     * role it cannot assume) still counts: the user configured AWS, and the AWS command says what is wrong with it
     * instead of auto quietly falling back to the estimate.
     */
    private static boolean profileHasCredentials(Map<String, String> env, String name) {
        Optional<ProfileFile> files = profileFile(env);
        if (files.isEmpty()) {
            return false;
        }
        try {
            ProfileCredentialsProvider.builder().profileFile(files.get()).profileName(name).build().resolveCredentials();
            return true;
        } catch (SdkClientException e) {
            return e.getMessage() == null || !e.getMessage().startsWith(NONE_IN_PROFILE);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The two files the SDK reads, at the places it reads them; empty when neither exists. */
    static Optional<ProfileFile> profileFile(Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path config = Path.of(env.getOrDefault("AWS_CONFIG_FILE", home + "/.aws/config"));
        Path credentials = Path.of(env.getOrDefault("AWS_SHARED_CREDENTIALS_FILE", home + "/.aws/credentials"));
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        boolean any = false;
        for (var file : List.of(Map.entry(config, ProfileFile.Type.CONFIGURATION),
                Map.entry(credentials, ProfileFile.Type.CREDENTIALS))) {
            if (Files.isRegularFile(file.getKey())) {
                all.addFile(ProfileFile.builder().content(file.getKey()).type(file.getValue()).build());
                any = true;
            }
        }
        return any ? Optional.of(all.build()) : Optional.empty();
    }
}
