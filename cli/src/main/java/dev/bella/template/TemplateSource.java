package dev.bella.template;

import dev.bella.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an environment's CloudFormation templates come from: a file or folder given with
 * {@code --template}, a synthesis of the spec, or nowhere (policies then check the spec itself).
 */
public interface TemplateSource {

    /** The stacks of {@code environment}, or empty when this source has none. */
    Optional<StackSet> stacks(Spec spec, String environment);

    /**
     * True when the source holds one environment's stacks whatever the name (a single template or
     * assembly); the caller then limits itself to one environment.
     */
    default boolean singleEnvironment() {
        return false;
    }

    TemplateSource NONE = (spec, env) -> Optional.empty();

    /**
     * A template file (JSON or YAML), a cloud assembly folder (with manifest.json), or a folder of
     * assemblies, one per environment ({@code cdk.out/prod/manifest.json}, {@code cdk.out/dev/...}).
     */
    static TemplateSource at(Path path) {
        TemplateReader reader = new TemplateReader();
        if (Files.isRegularFile(path)) {
            StackSet set = new StackSet(path.toString(), java.util.List.of(reader.template(path)));
            return single(set);
        }
        if (!Files.isDirectory(path)) {
            throw new TemplateException(path + ": no such template file or cloud assembly folder");
        }
        if (Files.isRegularFile(path.resolve(TemplateReader.MANIFEST))) {
            return single(reader.assembly(path));
        }
        Map<String, Path> perEnv = new java.util.TreeMap<>();
        try (var dirs = Files.list(path)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(TemplateReader.MANIFEST)))
                    .forEach(d -> perEnv.put(d.getFileName().toString(), d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (perEnv.isEmpty()) {
            throw new TemplateException(path + ": neither a template file nor a cloud assembly (no manifest.json in it "
                    + "or in its sub-folders); run `bella stack synth` or pass a .template.json file");
        }
        Map<String, StackSet> read = new HashMap<>();
        return (spec, env) -> {
            Path dir = perEnv.get(env);
            if (dir == null) {
                throw new TemplateException(path + ": no cloud assembly for environment '" + env + "' (found: "
                        + String.join(", ", perEnv.keySet()) + ")");
            }
            return Optional.of(read.computeIfAbsent(env, e -> reader.assembly(dir)));
        };
    }

    private static TemplateSource single(StackSet set) {
        return new TemplateSource() {
            @Override
            public Optional<StackSet> stacks(Spec spec, String environment) {
                return Optional.of(set);
            }

            @Override
            public boolean singleEnvironment() {
                return true;
            }
        };
    }

    /** Synthesizes each environment's stacks into {@code outRoot/<env>} on first use and reads them. */
    static TemplateSource synthesizing(Synthesizer synthesizer, Path outRoot) {
        Map<String, StackSet> done = new HashMap<>();
        TemplateReader reader = new TemplateReader();
        return (spec, env) -> Optional.of(done.computeIfAbsent(env, e -> {
            Path dir = outRoot.resolve(e);
            synthesizer.synth(spec, e, dir);
            return reader.assembly(dir);
        }));
    }
}
