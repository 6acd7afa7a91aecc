package dev.bella.phases;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The account's measured reserved coverage for {@code reserved-coverage-min} under {@code phases check --live}:
 * the percentage, or why there is none (no reservable hours, no Cost Explorer data), and where it came from.
 */
public record LiveCoverage(Optional<BigDecimal> percent, String source) {
}
