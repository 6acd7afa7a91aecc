package dev.bella.cli;

import dev.bella.rightsize.Progress;
import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place with a carriage return. Only on a terminal: in a pipe
 * or a CI log the redraws would be noise, so {@link #forTerminal} gives {@link Progress#NONE} there.
 */
final class ProgressBar implements Progress {

    private static final int WIDTH = 24;
    private final PrintWriter err;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    static Progress forTerminal(PrintWriter err) {
        return CommonOptions.isTerminal() ? new ProgressBar(err) : Progress.NONE;
    }

    @Override
    public void advance(String what, int done, int total) {
        int filled = total <= 0 ? 0 : Math.min(WIDTH, done * WIDTH / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what + "\u001b[K");
        err.flush();
        drawn = true;
    }

    @Override
    public void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
