package dev.bella.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while a file is read, so that reading goes on after the first one. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void add(Position at, String message) {
        Problem p = new Problem(at, message);
        // a node shared by several readers (a parent environment read once per descendant through
        // extends) would otherwise report the same problem at the same place more than once
        if (!list.contains(p)) {
            list.add(p);
        }
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** In file order, so the output reads top to bottom like the file. */
    public List<Problem> all() {
        return list.stream()
                .sorted(Comparator.comparing((Problem p) -> p.at().file())
                        .thenComparingInt(p -> p.at().line())
                        .thenComparingInt(p -> p.at().column()))
                .toList();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigException(all());
        }
    }
}
