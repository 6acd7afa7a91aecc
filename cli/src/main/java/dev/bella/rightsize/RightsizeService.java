package dev.bella.rightsize;

import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import dev.bella.yaml.ConfigException;
import dev.bella.yaml.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The front door of rightsizing: observations from a metrics file or from AWS, then the algorithm. */
public final class RightsizeService {

    private final Clock clock;

    public RightsizeService(Clock clock) {
        this.clock = clock;
    }

    /** Offline: the series of a metrics file, sizes from the spec; the lookback ends at the newest datapoint. */
    public RightsizeReport fromFile(Spec spec, Environment env, Path metrics, RightsizeOptions options) {
        MetricsFile.Contents contents = MetricsFile.read(metrics);
        Map<Kind, Observation> obs = new EnumMap<>(Kind.class);
        contents.series().forEach((kind, series) -> obs.put(kind, new Observation(kind, env.name() + "/" + kind.id, Optional.empty(), series)));
        return new Rightsizer(options).rightsize(spec, env, obs, contents.end().orElse(clock.instant()),
                "metrics file " + metrics);
    }

    /** The spec file with the report's changes spliced in, checked by the loader before anyone writes it. */
    public SpecEdit edit(Spec spec, RightsizeReport report) {
        if (!(spec.source() instanceof SpecSource.File file)) {
            throw new ConfigException(Position.unknown(spec.source().label()),
                    "the bundled spec cannot be edited; pass the spec file with --config");
        }
        String text;
        try {
            text = Files.readString(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SpecEditor.Edited edited = SpecEditor.apply(text, file.label(), report.changes());
        // a pair of edits must still be a valid spec (e.g. cpu changed here, memory inherited from elsewhere)
        SpecLoader loader = new SpecLoader();
        loader.read(loader.parse(file, edited.after()));
        return new SpecEdit(file.path(), edited, UnifiedDiff.of(file.path().toString().replace('\\', '/'),
                edited.before(), edited.after()));
    }

    /** A proposed edit of the spec file: its unified diff, and {@link #write()} to apply it. */
    public record SpecEdit(Path file, SpecEditor.Edited edited, String diff) {

        /** Writes the edited text in place of the file, atomically (a temporary file renamed over it). */
        public void write() {
            if (!edited.changed()) {
                return;
            }
            try {
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".bella-", ".yaml");
                Files.writeString(tmp, edited.after());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
