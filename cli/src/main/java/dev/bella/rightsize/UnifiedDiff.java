package dev.bella.rightsize;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (the format {@code patch} and {@code git apply} read) of two texts with the same number of
 * lines, which is what {@link SpecEditor} produces: it replaces values inside lines and never adds or removes
 * one, so a line-by-line comparison is the exact diff and no LCS is needed.
 */
public final class UnifiedDiff {

    static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() != b.size()) {
            return LineDiff.of(path, before, after);
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
        int i = 0;
        while (i < changed.size()) {
            int from = Math.max(0, changed.get(i) - CONTEXT);
            int j = i;
            // merge changes whose context windows touch into one hunk
            while (j + 1 < changed.size() && changed.get(j + 1) - changed.get(j) <= 2 * CONTEXT) {
                j++;
            }
            int to = Math.min(a.size() - 1, changed.get(j) + CONTEXT);
            int count = to - from + 1;
            out.append("@@ -").append(from + 1).append(',').append(count).append(" +").append(from + 1).append(',')
                    .append(count).append(" @@\n");
            int k = from;
            while (k <= to) {
                if (a.get(k).equals(b.get(k))) {
                    line(out, ' ', a.get(k), k == a.size() - 1 && !before.endsWith("\n"));
                    k++;
                    continue;
                }
                // a run of changed lines: all the old ones, then all the new ones, as diff and git print them
                int run = k;
                while (run <= to && !a.get(run).equals(b.get(run))) {
                    run++;
                }
                for (int m = k; m < run; m++) {
                    line(out, '-', a.get(m), m == a.size() - 1 && !before.endsWith("\n"));
                }
                for (int m = k; m < run; m++) {
                    line(out, '+', b.get(m), m == b.size() - 1 && !after.endsWith("\n"));
                }
                k = run;
            }
            i = j + 1;
        }
        return out.toString();
    }

    private static void line(StringBuilder out, char mark, String text, boolean noNewline) {
        out.append(mark).append(text).append('\n');
        if (noNewline) {
            out.append("\\ No newline at end of file\n");
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }
}
