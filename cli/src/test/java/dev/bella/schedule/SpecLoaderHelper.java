package dev.bella.schedule;

import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's spec with the dev schedule's cache policy changed. */
final class SpecLoaderHelper {

    private SpecLoaderHelper() {
    }

    static Spec withCachePolicy(String policy) {
        try {
            Path file = Path.of("../configs/bella.yaml");
            String text = Files.readString(file).replace("    holidays: [2026-12-25, 2027-01-01]\n",
                    "    holidays: [2026-12-25, 2027-01-01]\n    cache: " + policy + "\n");
            SpecLoader loader = new SpecLoader();
            return loader.read(loader.parse(new SpecSource.File(file), text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
