package dev.bella.cli;

/** The exit codes every command keeps (DESIGN.md): scripts and CI branch on them. */
enum ExitCode {
    OK(0), POLICY_VIOLATION(1), USAGE(2), AWS(3);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
