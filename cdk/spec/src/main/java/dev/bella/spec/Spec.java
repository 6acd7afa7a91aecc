package dev.bella.spec;

import dev.bella.prices.PriceTable;
import dev.bella.prices.VoiceUsage;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole declarative spec ({@code configs/bella.yaml}), validated. Every command and every stack
 * reads the service through this one model.
 *
 * @param source      where the spec was read from (for messages and for resolving relative paths)
 * @param prices      the price table the spec was validated against
 * @param pricesFile  an explicit price table, else the table bundled for {@code region}
 * @param baseline    the spec of the stack before optimisation, the start of the roadmap projection
 * @param timezone    the service's own time zone (its callers'), for call patterns and scheduled capacity
 */
public record Spec(SpecSource source, String project, String region, PriceTable prices, Optional<String> pricesFile,
                   Optional<String> baseline, SortedMap<String, Environment> environments,
                   Map<String, Schedule> schedules, Budget budget, Usage usage, List<Phase> phases,
                   Optional<ZoneId> timezone) {

    /** A spec with no top-level {@code timezone}. */
    public Spec(SpecSource source, String project, String region, PriceTable prices, Optional<String> pricesFile,
                Optional<String> baseline, SortedMap<String, Environment> environments,
                Map<String, Schedule> schedules, Budget budget, Usage usage, List<Phase> phases) {
        this(source, project, region, prices, pricesFile, baseline, environments, schedules, budget, usage, phases,
                Optional.empty());
    }

    public Spec {
        environments = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(environments));
        schedules = Map.copyOf(schedules);
        phases = List.copyOf(phases);
    }

    public Optional<Environment> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    public Optional<Schedule> scheduleOf(Environment env) {
        return env.schedule().map(schedules::get);
    }

    /**
     * The spec with measured voice usage (from the booking ledger) in place of the assumed one, in the top-level
     * usage and every environment's: calls per month and everything else stay as written.
     */
    public Spec withVoiceUsage(VoiceUsage measured) {
        SortedMap<String, Environment> envs = new TreeMap<>();
        environments.forEach((name, e) -> envs.put(name, e.withUsage(e.usage().withVoice(measured))));
        return new Spec(source, project, region, prices, pricesFile, baseline, envs, schedules, budget,
                usage.withVoice(measured), phases, timezone);
    }
}
