package dev.bella.spend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bella.report.Category;
import dev.bella.yaml.ConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV reader's edge cases, the category mapping file, and the run-rate forecast. */
class ParsingAndMappingTest {

    @Test
    void csv_handles_a_bom_crlf_quoted_commas_doubled_quotes_line_breaks_and_empty_fields() throws IOException {
        String text = "\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\"multi\r\nline\",,3\r\n\r\nlast,row,here";
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            assertThat(csv.next()).containsExactly("a", "b", "c");
            assertThat(csv.line()).isEqualTo(1);
            assertThat(csv.next()).containsExactly("1", "x, \"y\"", "");
            assertThat(csv.line()).isEqualTo(2);
            assertThat(csv.next()).containsExactly("multi\r\nline", "", "3");
            assertThat(csv.line()).isEqualTo(3);
            assertThat(csv.next()).containsExactly("last", "row", "here");
            assertThat(csv.line()).isEqualTo(6);
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void an_unterminated_quote_names_the_line_it_started_on() throws IOException {
        try (CsvReader csv = new CsvReader(new StringReader("a\n\"open\n\n"))) {
            csv.next();
            assertThatThrownBy(csv::next).isInstanceOf(CsvReader.MalformedCsvException.class)
                    .satisfies(e -> assertThat(((CsvReader.MalformedCsvException) e).line).isEqualTo(2));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Amazon Elastic Container Service|COMPUTE", "AmazonECS|COMPUTE", "amazon relational database service|DATABASE",
            "Amazon ElastiCache|CACHE", "Elastic Load Balancing|NETWORKING", "Amazon Virtual Private Cloud|NETWORKING",
            "EC2 - Other|NETWORKING", "AmazonCloudWatch|STORAGE_AND_LOGS", "Tax|OTHER", "Something New|OTHER"})
    void bundled_mapping_places_the_services_bella_runs_on(String service, Category expected) {
        assertThat(ServiceCategories.bundled().of(service)).isEqualTo(expected);
    }

    @Test
    void a_mapping_with_an_unknown_category_or_a_service_listed_twice_is_refused_with_positions() {
        assertThatThrownBy(() -> ServiceCategories.parse("categories:\n  compute: [AmazonECS]\n  gpu: [X]\n"
                + "  database: [AmazonECS]\n", "m.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).map(Object::toString)
                        .anySatisfy(p -> assertThat(p).startsWith("m.yaml:3:3:").contains("unknown category 'gpu'"))
                        .anySatisfy(p -> assertThat(p).contains("'AmazonECS' is listed under both compute and database")));
        assertThat(ServiceCategories.parse("categories:\n  cache: [Valkey]\nfocus-service-categories:\n  Storage: storage-and-logs\n",
                "ok.yaml").of("Unlisted", "Storage")).isEqualTo(Category.STORAGE_AND_LOGS);
    }

    @Test
    void the_run_rate_extrapolates_the_periods_month() {
        TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>(Map.of(LocalDate.of(2026, 10, 1), new BigDecimal("3"),
                LocalDate.of(2026, 10, 2), new BigDecimal("5")));
        SpendPeriod p = SpendPeriod.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3));
        Spend s = new Spend("focus", p, Map.of(), daily, new java.util.TreeSet<>(), List.of(), List.of(), Optional.empty(),
                Optional.empty());
        Spend.Forecast f = SpendReportBuilder.runRate(s).orElseThrow();
        assertThat(f.start()).isEqualTo(LocalDate.of(2026, 10, 3));
        assertThat(f.endExclusive()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(f.amount()).isEqualByComparingTo("116"); // $4 a day for the 29 days left
        assertThat(SpendReportBuilder.runRate(new Spend("focus", SpendPeriod.month(java.time.YearMonth.of(2026, 10)),
                Map.of(), daily, new java.util.TreeSet<>(), List.of(), List.of(), Optional.empty(), Optional.empty())))
                .isEmpty();
    }
}
