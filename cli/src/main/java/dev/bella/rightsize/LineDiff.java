package dev.bella.rightsize;

import java.util.ArrayList;
import java.util.List;

/**
 * The unified diff of an edit that adds or removes lines (capacity's scheduled blocks, an alternative's new key),
 * which {@link UnifiedDiff}'s line-for-line comparison cannot express. A longest-common-subsequence table over the lines is exact and cheap for a
 * spec (a few hundred lines).
 */
final class LineDiff {

    static final int CONTEXT = 3;

    private record Op(char mark, String text, int oldLine, int newLine) {
    }

    private LineDiff() {
    }

    static String of(String path, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i++, j++));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(i), i++, j)); // old lines first, as diff and git print a change
            } else {
                ops.add(new Op('+', b.get(j), i, j++));
            }
        }
        List<Integer> changed = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).mark() != ' ') {
                changed.add(k);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
        int c = 0;
        while (c < changed.size()) {
            int d = c;
            while (d + 1 < changed.size() && changed.get(d + 1) - changed.get(d) <= 2 * CONTEXT) {
                d++;
            }
            int from = Math.max(0, changed.get(c) - CONTEXT);
            int to = Math.min(ops.size() - 1, changed.get(d) + CONTEXT);
            List<Op> hunk = ops.subList(from, to + 1);
            long oldCount = hunk.stream().filter(o -> o.mark() != '+').count();
            long newCount = hunk.stream().filter(o -> o.mark() != '-').count();
            out.append("@@ -").append(start(hunk.getFirst().oldLine(), oldCount)).append(',').append(oldCount)
                    .append(" +").append(start(hunk.getFirst().newLine(), newCount)).append(',').append(newCount)
                    .append(" @@\n");
            for (Op o : hunk) {
                out.append(o.mark()).append(o.text()).append('\n');
            }
            c = d + 1;
        }
        return out.toString();
    }

    /** Unified diff numbers lines from 1; an empty range names the line before it. */
    private static int start(int index, long count) {
        return count == 0 ? index : index + 1;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }
}
