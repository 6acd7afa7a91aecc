package dev.bella.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The writes one step made, in order, and the one it was making when it failed, so that a {@code failed} or
 * {@code pending} line says what was done and what was not instead of "none". One per step, used by the one
 * thread that handles the resource.
 */
final class Journal {

    private final List<String> done = new ArrayList<>();
    private String attempting;

    <T> T write(String what, Supplier<T> call) {
        attempting = what;
        T result = call.get();
        done.add(what);
        attempting = null;
        return result;
    }

    /** The line's action after a failure: the writes made, then the one that failed. */
    String describe() {
        if (done.isEmpty() && attempting == null) {
            return "none";
        }
        return "done: " + (done.isEmpty() ? "nothing" : String.join("; ", done))
                + (attempting == null ? "" : "; not done: " + attempting + " (failed; nothing after it was tried)");
    }
}
