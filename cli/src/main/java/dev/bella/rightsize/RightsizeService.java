package dev.bella.rightsize;

import dev.bella.aws.AwsClients;
import dev.bella.files.FileWriting;
import dev.bella.spec.Cache;
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
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.computeoptimizer.ComputeOptimizerClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;

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

    /**
     * Live: current sizes from ECS, RDS and ElastiCache, metrics from CloudWatch over the lookback ending now.
     * Nothing is changed in AWS.
     */
    public RightsizeReport live(Spec spec, Environment env, LiveTargets targets, AwsClients aws, RightsizeOptions options,
                                Progress progress) {
        boolean hasCache = env.cache() instanceof Cache.Redis && targets.cacheCluster().isPresent();
        int describes = hasCache ? 3 : 2;
        LiveInventory.RunningService service;
        Observation.CurrentSize.InstanceClass db;
        Optional<Observation.CurrentSize.InstanceClass> cache = Optional.empty();
        try (EcsClient ecs = aws.create(EcsClient.builder())) {
            progress.advance("ECS DescribeServices", 0, describes);
            service = LiveInventory.service(ecs, targets.cluster(), targets.service());
        }
        try (RdsClient rds = aws.create(RdsClient.builder())) {
            progress.advance("RDS DescribeDBInstances", 1, describes);
            db = LiveInventory.database(rds, targets.dbInstance());
        }
        if (hasCache) {
            try (ElastiCacheClient ec = aws.create(ElastiCacheClient.builder())) {
                progress.advance("ElastiCache DescribeCacheClusters", 2, describes);
                cache = LiveInventory.cache(ec, targets.cacheCluster().get());
            }
        }
        List<CloudWatchMetrics.Query> queries = new ArrayList<>();
        for (Metric m : Metric.values()) {
            TreeMap<String, String> dims = new TreeMap<>();
            switch (m.kind) {
                case SERVICE -> {
                    dims.put("ClusterName", targets.cluster());
                    dims.put("ServiceName", targets.service());
                }
                case DATABASE -> dims.put("DBInstanceIdentifier", targets.dbInstance());
                case CACHE -> {
                    if (!hasCache) {
                        continue;
                    }
                    // host-level metrics are per node; a single-node cluster's node is 0001
                    dims.put("CacheClusterId", targets.cacheCluster().get());
                    dims.put("CacheNodeId", "0001");
                }
            }
            queries.add(new CloudWatchMetrics.Query(m, dims));
        }
        Map<Kind, Map<Metric, Series>> series;
        try (CloudWatchClient cw = aws.create(CloudWatchClient.builder())) {
            series = CloudWatchMetrics.byKind(new CloudWatchMetrics(cw, progress).load(queries, clock.instant(), options.lookback()));
        }
        progress.finish();
        Map<Kind, Observation> obs = new EnumMap<>(Kind.class);
        obs.put(Kind.SERVICE, new Observation(Kind.SERVICE, targets.cluster() + "/" + targets.service(), Optional.of(service.size()),
                series.getOrDefault(Kind.SERVICE, Map.of())));
        obs.put(Kind.DATABASE, new Observation(Kind.DATABASE, targets.dbInstance(), Optional.of(db),
                series.getOrDefault(Kind.DATABASE, Map.of())));
        if (cache.isPresent()) {
            obs.put(Kind.CACHE, new Observation(Kind.CACHE, targets.cacheCluster().get(),
                    Optional.of(cache.get()), series.getOrDefault(Kind.CACHE, Map.of())));
        }
        return new Rightsizer(options).rightsize(spec, env, obs, clock.instant(),
                "CloudWatch " + aws.settings().region().id() + ", period " + CloudWatchMetrics.periodFor(options.lookback()).getSeconds() + " s");
    }

    /** Adds AWS Compute Optimizer's recommendation for the service (looked up by its ARN) beside Bella's. */
    public RightsizeReport compareWithComputeOptimizer(RightsizeReport report, LiveTargets targets, AwsClients aws) {
        String arn;
        try (EcsClient ecs = aws.create(EcsClient.builder())) {
            arn = LiveInventory.service(ecs, targets.cluster(), targets.service()).arn();
        }
        try (ComputeOptimizerClient co = aws.create(ComputeOptimizerClient.builder())) {
            return report.withComputeOptimizer(ComputeOptimizerComparison.fetch(co, arn));
        }
    }

    /** The spec file with the report's changes spliced in, checked by the loader before anyone writes it. */
    public SpecEdit edit(Spec spec, RightsizeReport report) {
        return edit(spec, report.changes());
    }

    /** Any list of spec changes (rightsize's, commitments') spliced into the spec file and checked the same way. */
    public static SpecEdit edit(Spec spec, List<Change> changes) {
        EditableSpec editable = editable(spec);
        return checked(editable.file(), SpecEditor.apply(editable.text(), editable.file().label(), changes));
    }

    /** The spec's file and its text as written, for an edit (capacity's too); the bundled spec has no file. */
    public record EditableSpec(SpecSource.File file, String text) {
    }

    public static EditableSpec editable(Spec spec) {
        if (!(spec.source() instanceof SpecSource.File file)) {
            throw new ConfigException(Position.unknown(spec.source().label()),
                    "the bundled spec cannot be edited; pass the spec file with --config");
        }
        try {
            return new EditableSpec(file, Files.readString(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The edit, once its text still loads as a spec (a pair of edits must stay valid, e.g. cpu changed here and
     * memory inherited from elsewhere), with its unified diff.
     */
    public static SpecEdit checked(SpecSource.File file, SpecEditor.Edited edited) {
        SpecLoader loader = new SpecLoader();
        loader.read(loader.parse(file, edited.after()));
        return new SpecEdit(file.path(), edited, UnifiedDiff.of(file.path().toString().replace('\\', '/'),
                edited.before(), edited.after()));
    }

    /** A proposed edit of the spec file: its unified diff, and {@link #write()} to apply it. */
    public record SpecEdit(Path file, SpecEditor.Edited edited, String diff) {

        /** Writes the edited text in place of the file, atomically, keeping the file's mode. */
        public void write() {
            if (!edited.changed()) {
                return;
            }
            try {
                FileWriting.replace(file, edited.after());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the edit ({@link #write}) and says what it did, as --apply reports it. */
        public String apply() {
            write();
            return edited.changed() ? "applied " + edited.applied() + " change(s) to " + file : "no change to " + file;
        }
    }
}
