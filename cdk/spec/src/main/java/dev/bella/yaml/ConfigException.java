package dev.bella.yaml;

import dev.bella.errors.BellaException;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file that cannot be used. Carries every problem found, not only the first, so a
 * user fixes a file in one pass.
 */
public final class ConfigException extends BellaException {

    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid configuration" : problems.getFirst().toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(Position at, String message) {
        this(List.of(new Problem(at, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public Outcome outcome() {
        return Outcome.USAGE;
    }

    /** Every problem on its own line, then how many when there are several. */
    @Override
    public List<String> lines() {
        List<String> lines = new ArrayList<>(problems.stream().map(Problem::toString).toList());
        if (problems.size() > 1) {
            lines.add(problems.size() + " problems; fix them and run again");
        }
        return lines;
    }
}
