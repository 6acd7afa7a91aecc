package dev.bella.cli;

/** The exit codes every command keeps (DESIGN.md): scripts and CI branch on them. */
enum ExitCode {
    OK(0), POLICY_VIOLATION(1), USAGE(2), AWS(3),
    /** nothing failed, but something is pending or throttled: the next run carries on (sysexits EX_TEMPFAIL) */
    RETRY_LATER(75);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
