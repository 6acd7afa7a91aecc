package dev.bella.spend;

/**
 * Where actual spend comes from: Cost Explorer, a FOCUS export, a legacy CUR export. Each returns the
 * same summed {@link Spend}, so every report format works for every source.
 */
public sealed interface SpendSource permits CostExplorerSpend, FocusFile, CurFile {

    Spend fetch(SpendQuery query);

    /** The report's {@code source} field: aws, focus, cur. */
    String id();
}
