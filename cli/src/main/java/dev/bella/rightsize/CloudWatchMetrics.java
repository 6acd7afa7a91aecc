package dev.bella.rightsize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Loads metric series with CloudWatch GetMetricData: up to 500 queries a request (the API's limit), every
 * page of each request followed through NextToken, at the finest period CloudWatch still keeps for the
 * lookback's start.
 */
final class CloudWatchMetrics {

    static final int MAX_QUERIES_PER_REQUEST = 500;

    /** One series to load: a metric of one resource, identified by its CloudWatch dimensions. */
    record Query(Metric metric, Map<String, String> dimensions) {
    }

    private final CloudWatchClient client;
    private final Progress progress;

    CloudWatchMetrics(CloudWatchClient client, Progress progress) {
        this.client = client;
        this.progress = progress;
    }

    /**
     * CloudWatch keeps 60-second datapoints for 15 days, 300-second ones for 63 days and hourly ones for 455
     * days; a request whose start is older than a resolution's retention must use a coarser period.
     */
    static Duration periodFor(Duration lookback) {
        if (lookback.compareTo(Duration.ofDays(15)) <= 0) {
            return Duration.ofSeconds(60);
        }
        return lookback.compareTo(Duration.ofDays(63)) <= 0 ? Duration.ofSeconds(300) : Duration.ofSeconds(3600);
    }

    /** Series by query, over [end - lookback, end), both aligned down to the period. */
    Map<Query, Series> load(List<Query> queries, Instant end, Duration lookback) {
        Duration period = periodFor(lookback);
        long p = period.getSeconds();
        Instant to = Instant.ofEpochSecond(end.getEpochSecond() / p * p);
        Instant from = Instant.ofEpochSecond(to.minus(lookback).getEpochSecond() / p * p);
        Map<Query, List<Series.Point>> points = new HashMap<>();
        int batches = (queries.size() + MAX_QUERIES_PER_REQUEST - 1) / MAX_QUERIES_PER_REQUEST;
        for (int b = 0; b < batches; b++) {
            List<Query> batch = queries.subList(b * MAX_QUERIES_PER_REQUEST,
                    Math.min(queries.size(), (b + 1) * MAX_QUERIES_PER_REQUEST));
            Map<String, Query> byId = new HashMap<>();
            List<MetricDataQuery> mdq = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                String id = "m" + i; // ids must start with a lower-case letter and be unique within a request
                byId.put(id, batch.get(i));
                mdq.add(query(id, batch.get(i), (int) p));
            }
            String token = null;
            int page = 0;
            do {
                progress.advance("CloudWatch metrics, request " + (b + 1) + " of " + batches + ", page " + (page + 1),
                        b, batches);
                GetMetricDataResponse response = client.getMetricData(GetMetricDataRequest.builder().startTime(from).endTime(to)
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(mdq).nextToken(token).build());
                for (MetricDataResult r : response.metricDataResults()) {
                    Query q = byId.get(r.id());
                    if (q == null) {
                        continue;
                    }
                    List<Series.Point> list = points.computeIfAbsent(q, k -> new ArrayList<>());
                    for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++) {
                        list.add(new Series.Point(r.timestamps().get(i), r.values().get(i)));
                    }
                }
                token = response.nextToken();
                page++;
            } while (token != null && !token.isEmpty());
        }
        progress.advance("CloudWatch metrics", batches, batches);
        Map<Query, Series> out = new HashMap<>();
        for (Query q : queries) {
            out.put(q, new Series(period, points.getOrDefault(q, List.of())));
        }
        return out;
    }

    private static MetricDataQuery query(String id, Query q, int period) {
        List<Dimension> dims = q.dimensions().entrySet().stream()
                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(MetricStat.builder().period(period).stat(q.metric().stat)
                        .metric(software.amazon.awssdk.services.cloudwatch.model.Metric.builder()
                                .namespace(q.metric().namespace).metricName(q.metric().name).dimensions(dims).build())
                        .build())
                .build();
    }

    /** Groups loaded series back by resource kind. */
    static Map<Kind, Map<Metric, Series>> byKind(Map<Query, Series> loaded) {
        Map<Kind, Map<Metric, Series>> out = new EnumMap<>(Kind.class);
        loaded.forEach((q, s) -> out.computeIfAbsent(q.metric().kind, k -> new EnumMap<>(Metric.class)).put(q.metric(), s));
        return out;
    }
}
