package dev.bella.alternatives;

import dev.bella.alternatives.AlternativesReport.AreaResult;
import dev.bella.estimate.EstimateEngine;
import dev.bella.estimate.EstimatePeriod;
import dev.bella.report.EnvironmentCost;
import dev.bella.rightsize.UnifiedDiff;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import dev.bella.spec.SpecLoader;
import dev.bella.spec.SpecSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prices every area's options for one environment (default prod): the current design as the estimate prices
 * it, each alternative as the same environment's full month with that choice.
 */
public final class AlternativesService {

    private final SpecLoader loader;
    private final EstimateEngine engine = new EstimateEngine();

    public AlternativesService(SpecLoader loader) {
        this.loader = loader;
    }

    public AlternativesReport compare(Spec spec, EstimatePeriod period, Optional<String> envName, Optional<Area> only,
                                      boolean withDiffs) {
        Environment env = environment(spec, envName);
        String text = text(spec.source());
        Context ctx = new Context(spec, env, estimate(spec, period, env.name()), period,
                spec.scheduleOf(env).map(period::runningHours).orElse(period.hours()), Assumptions.defaults(),
                changes -> SpecEdits.apply(text, spec.source().label(), changes)
                        .map(edited -> estimate(loader.read(loader.parse(spec.source(), edited)), period, env.name())));
        List<AreaResult> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            if (only.map(area::equals).orElse(true)) {
                areas.add(new AreaResult(area, options(area, ctx)));
            }
        }
        AlternativesReport report = new AlternativesReport(spec.source().label(), env.name(), period.period().label(),
                ctx.cost().total(), areas, SeedTable.rows(areas), ctx.assumptions().describe(), List.of());
        return withDiffs ? report.withDiffs(diffs(report, text, spec.source().label())) : report;
    }

    /** Every area handled here: a new area does not compile until it has its pricer. */
    private List<Option> options(Area area, Context ctx) {
        return switch (area) {
            case DATABASE -> DatabaseArea.options(ctx);
            case COMPUTE -> ComputeArea.options(ctx);
            case INGRESS -> IngressArea.options(ctx);
            case CACHE -> CacheArea.options(ctx);
            case REGION -> RegionArea.options(ctx);
            case SPEECH_AND_LANGUAGE -> SpeechArea.options(ctx);
        };
    }

    private EnvironmentCost estimate(Spec spec, EstimatePeriod period, String env) {
        return engine.estimate(spec, period, Optional.of(env)).environments().getFirst();
    }

    private static Environment environment(Spec spec, Optional<String> name) {
        String chosen = name.orElseGet(() -> spec.environment("prod").isPresent() ? "prod"
                : spec.environments().keySet().iterator().next());
        return spec.environment(chosen).orElseThrow(() -> new AlternativesException("unknown environment '" + chosen
                + "'; the spec has " + String.join(", ", spec.environments().keySet())));
    }

    private static List<String> diffs(AlternativesReport report, String text, String label) {
        List<String> out = new ArrayList<>();
        for (AreaResult area : report.areas()) {
            for (Option o : area.options()) {
                o.change().ifPresent(c -> out.add("# " + area.area().id() + ": " + o.name() + "\n" + SpecEdits
                        .apply(text, label, List.of(c)).map(after -> UnifiedDiff.of(label, text, after))
                        .orElse("# not written on one line in the spec: set " + c.all().stream().map(e -> e.key() + ": " + e.value())
                                .collect(Collectors.joining(", ")) + "\n")));
            }
        }
        return out;
    }

    private static String text(SpecSource source) {
        return switch (source) {
            case SpecSource.File f -> {
                try {
                    yield Files.readString(f.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case SpecSource.Bundled b -> SpecSource.Bundled.read(b.path()).orElseThrow();
        };
    }

    /** The area ids, for help texts. */
    public static String areaIds() {
        return String.join(", ", Arrays.stream(Area.values()).map(Area::id).toList());
    }
}
