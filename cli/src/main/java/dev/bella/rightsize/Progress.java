package dev.bella.rightsize;

/** Reports long work (many Describe calls and metric pages); the CLI draws a bar on a terminal, else nothing. */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void advance(String what, int done, int total) {
        }

        @Override
        public void finish() {
        }
    };

    /** {@code done} of {@code total} steps are finished; {@code what} is the step under way. */
    void advance(String what, int done, int total);

    void finish();
}
