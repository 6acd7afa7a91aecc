package dev.bella.alternatives;

import dev.bella.alternatives.AlternativesReport.AreaResult;
import dev.bella.alternatives.AlternativesReport.SeedRow;
import dev.bella.report.Category;
import dev.bella.report.CategoryCost;
import dev.bella.report.EnvironmentCost;
import dev.bella.report.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The seed's "Technology Alternatives" table, row by row, with Bella's figures for the same swap: the
 * categories the swap touches, now and with the alternative, and whether the seed's claimed saving holds.
 */
final class SeedTable {

    private record Claim(Area area, String option, Set<Category> categories, String seedCurrent, String seedCurrentCost,
                         String seedAlternative, String seedNewCost, int minSaving, int maxSaving, String bellaAlternative) {
    }

    /** The seed's rows, as its table states them. */
    private static final List<Claim> CLAIMS = List.of(
            new Claim(Area.DATABASE, DatabaseArea.SERVERLESS, Set.of(Category.DATABASE), "RDS PostgreSQL",
                    "$15-20/month", "Aurora Serverless", "$8-15/month", 25, 40, "Aurora Serverless v2, 0.5 ACU floor"),
            new Claim(Area.CACHE, CacheArea.DYNAMO, Set.of(Category.CACHE), "ElastiCache Redis", "$12-15/month",
                    "DynamoDB DAX", "$5-10/month", 35, 50, "DynamoDB on demand (DAX nodes not priced)"),
            new Claim(Area.COMPUTE, ComputeArea.EC2, Set.of(Category.COMPUTE), "ECS Fargate", "$35-45/month",
                    "EC2 + Auto Scaling", "$20-30/month", 30, 40, "ECS on EC2 Graviton + Auto Scaling group"),
            new Claim(Area.INGRESS, IngressArea.CLOUDFRONT, Set.of(Category.NETWORKING, Category.COMPUTE,
                    Category.STORAGE_AND_LOGS), "ALB", "$20-25/month", "CloudFront + Lambda", "$15-20/month", 20, 25,
                    "CloudFront + Lambda function URL (with the Lambda compute and its NAT gateway)"));

    private SeedTable() {
    }

    static List<SeedRow> rows(List<AreaResult> areas) {
        List<SeedRow> rows = new ArrayList<>();
        for (Claim c : CLAIMS) {
            Optional<AreaResult> area = areas.stream().filter(a -> a.area() == c.area()).findFirst();
            Optional<Option> current = area.flatMap(a -> a.options().stream().filter(Option::current).findFirst());
            Optional<Option> alternative = area.flatMap(a -> a.options().stream()
                    .filter(o -> o.id().equals(c.option())).findFirst());
            if (current.isEmpty() || alternative.isEmpty()) {
                continue;
            }
            BigDecimal now = subtotal(current.get().cost(), c.categories());
            BigDecimal with = subtotal(alternative.get().cost(), c.categories());
            BigDecimal saving = Money.percent(now.subtract(with), now);
            rows.add(new SeedRow(c.seedCurrent(), c.seedAlternative(), c.seedCurrentCost(), c.seedNewCost(),
                    c.minSaving() + "-" + c.maxSaving() + "%", c.bellaAlternative(), now, with, saving,
                    verdict(c, now, with, saving)));
        }
        return rows;
    }

    private static String verdict(Claim c, BigDecimal now, BigDecimal with, BigDecimal saving) {
        if (now.signum() == 0) {
            return "nothing to save: the spec has no " + c.seedCurrent() + " cost here";
        }
        if (with.compareTo(now) >= 0) {
            return "does not hold: costs " + Money.percent(with.subtract(now), now).toPlainString() + "% more";
        }
        if (saving.compareTo(BigDecimal.valueOf(c.minSaving())) >= 0) {
            return "holds: saves " + saving.toPlainString() + "%";
        }
        return "smaller than claimed: saves " + saving.toPlainString() + "%";
    }

    private static BigDecimal subtotal(EnvironmentCost cost, Set<Category> categories) {
        return Money.sum(cost.categories().stream().filter(c -> categories.contains(c.category())).toList(),
                CategoryCost::subtotal);
    }
}
