package dev.bella.spec;

import dev.bella.yaml.ConfigException;
import dev.bella.yaml.Problem;
import java.util.List;

/** Loads spec text against the synthetic price table of {@code test-region-1} (test resources). */
final class SpecTexts {

    static final String FILE = "test.yaml";

    private SpecTexts() {
    }

    static Spec load(String text) {
        SpecLoader loader = new SpecLoader();
        return loader.read(loader.parse(new SpecSource.Bundled(FILE), text));
    }

    /** Every problem the loader reports for {@code text}; fails when the text loads. */
    static List<Problem> problems(String text) {
        try {
            Spec spec = load(text);
            throw new AssertionError("expected the spec to be rejected, but it loaded: " + spec.environments().keySet());
        } catch (ConfigException e) {
            return e.problems();
        }
    }
}
