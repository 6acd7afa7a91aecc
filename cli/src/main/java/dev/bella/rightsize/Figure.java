package dev.bella.rightsize;

/** One utilization figure shown with a recommendation: "cpu p99.5" 30.0 "%". */
public record Figure(String name, double value, String unit) {
}
