package dev.bella.rightsize;

import dev.bella.estimate.EstimatePeriod;
import dev.bella.spec.Cache;
import dev.bella.spec.Environment;
import dev.bella.spec.Spec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rightsizes an environment's service, database and cache from what was observed of them. */
public final class Rightsizer {

    private final RightsizeOptions options;

    public Rightsizer(RightsizeOptions options) {
        this.options = options;
    }

    /**
     * @param end          the end of the lookback: now when live, the newest datapoint of a metrics file
     * @param observations by kind; a kind without one gets "insufficient data"
     */
    public RightsizeReport rightsize(Spec spec, Environment env, Map<Kind, Observation> observations, Instant end,
                                     String source) {
        Instant from = end.minus(options.lookback());
        List<Recommendation> recs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // a scheduled environment's tasks and database run only part of the month (the cache runs throughout),
        // as the cost estimate prices them: the schedule sampled over the twelve months from the lookback's end
        BigDecimal hours = spec.scheduleOf(env).map(s -> EstimatePeriod.averageMonth(Clock.fixed(end, ZoneOffset.UTC))
                .runningHours(s)).orElse(EstimatePeriod.AVERAGE_MONTH_HOURS);
        if (env.schedule().isPresent()) {
            notes.add("service and database priced for " + hours.toPlainString() + " running hours a month (schedule "
                    + env.schedule().get() + "), the cache for 730");
        }

        Observation svc = observations.getOrDefault(Kind.SERVICE, empty(Kind.SERVICE, env.name() + "/service"));
        FargateSizer.Size task = svc.size().filter(s -> s instanceof Observation.CurrentSize.Task)
                .map(s -> (Observation.CurrentSize.Task) s).map(t -> new FargateSizer.Size(t.cpu(), t.memory()))
                .orElse(new FargateSizer.Size(env.service().cpu(), env.service().memory()));
        drift(notes, svc, task.toString(), env.service().cpu() + " CPU / " + env.service().memory() + " MiB");
        recs.add(new FargateSizer(spec.prices(), options, hours).size(env.name(), svc.resource(), env.service(), task,
                window(svc, from)));

        Observation db = observations.getOrDefault(Kind.DATABASE, empty(Kind.DATABASE, env.name() + "/database"));
        String dbClass = className(db).orElse(env.database().instanceClass());
        drift(notes, db, dbClass, env.database().instanceClass());
        recs.add(new InstanceSizer(options).size(new InstanceSizer.Target(Kind.DATABASE, env.name(), db.resource(), dbClass, 1,
                InstanceSizer.rdsClasses(spec.prices(), env.database().engine(), env.database().deployment()), hours, spec.prices().name()),
                window(db, from)));

        if (env.cache() instanceof Cache.Redis redis) {
            Observation c = observations.getOrDefault(Kind.CACHE, empty(Kind.CACHE, env.name() + "/cache"));
            String node = className(c).orElse(redis.nodeType());
            int nodes = c.size().filter(s -> s instanceof Observation.CurrentSize.InstanceClass)
                    .map(s -> ((Observation.CurrentSize.InstanceClass) s).count()).orElse(redis.nodes());
            drift(notes, c, node, redis.nodeType());
            recs.add(new InstanceSizer(options).size(new InstanceSizer.Target(Kind.CACHE, env.name(), c.resource(), node,
                    nodes, InstanceSizer.cacheClasses(spec.prices()), EstimatePeriod.AVERAGE_MONTH_HOURS, spec.prices().name()),
                    window(c, from)));
        } else {
            notes.add("environment " + env.name() + " has no cache (cache: none): nothing to rightsize there");
        }
        return new RightsizeReport(env.name(), spec.source().label(), source, options.lookback(), options.headroomPercent(),
                spec.prices().currency(), recs, notes);
    }

    private static Observation empty(Kind kind, String resource) {
        return new Observation(kind, resource, Optional.empty(), Map.of());
    }

    private static Optional<String> className(Observation o) {
        return o.size().filter(s -> s instanceof Observation.CurrentSize.InstanceClass)
                .map(s -> ((Observation.CurrentSize.InstanceClass) s).name());
    }

    private static void drift(List<String> notes, Observation o, String running, String specified) {
        if (o.size().isPresent() && !running.equals(specified)) {
            notes.add(o.kind().id + " " + o.resource() + " runs " + running + " but the spec says " + specified
                    + ": sized from what runs; the diff edits the spec");
        }
    }

    private static Map<Metric, Series> window(Observation o, Instant from) {
        Map<Metric, Series> out = new EnumMap<>(Metric.class);
        o.metrics().forEach((m, s) -> out.put(m, s.since(from)));
        return out;
    }
}
