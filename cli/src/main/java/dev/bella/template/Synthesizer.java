package dev.bella.template;

import dev.bella.spec.Spec;
import java.nio.file.Path;

/**
 * Writes the cloud assembly of one environment's stacks (manifest.json and one {@code .template.json} per
 * stack) to {@code outDir}. The CDK stacks implement it; {@link TemplateSource#synthesizing} reads the result.
 */
@FunctionalInterface
public interface Synthesizer {

    void synth(Spec spec, String environment, Path outDir);
}
