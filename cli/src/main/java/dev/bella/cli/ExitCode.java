package dev.bella.cli;

import dev.bella.errors.BellaException.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes every command keeps (DESIGN.md): scripts and CI branch on them. The one list: the code returns and
 * maps to these constants, and every command's usage help prints them ({@link UsageHelp}), so the help cannot
 * promise a code the code does not use. A failure's code comes from its {@link Outcome}, which lives beside the spec
 * because modules without picocli throw it.
 */
enum ExitCode {
    OK(0, "ok"),
    POLICY_VIOLATION(Outcome.POLICY_VIOLATION, "a policy is violated, or a partial failure"),
    USAGE(Outcome.USAGE, "usage or configuration error"),
    AWS(Outcome.AWS, "AWS or authentication error (no credentials, access denied, unreachable)"),
    /** a bug, not the user's input nor AWS: distinct from 1, which scripts read as "policy violated" (sysexits EX_SOFTWARE) */
    INTERNAL(70, "internal error (a bug: rerun with --verbose and report it)"),
    /** nothing failed, but something is pending or throttled: the next run carries on (sysexits EX_TEMPFAIL) */
    RETRY_LATER(Outcome.RETRY_LATER, "retry later (schedule-dev: a resource is pending)");

    final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    ExitCode(Outcome outcome, String meaning) {
        this(outcome.code(), meaning);
    }

    /** The exit code of a failure that carries its outcome. */
    static ExitCode of(Outcome outcome) {
        for (ExitCode c : values()) {
            if (c.code == outcome.code()) {
                return c;
            }
        }
        throw new IllegalStateException("no exit code for " + outcome);
    }

    /** For picocli's exit-code list: the code, right-aligned, to its meaning, in the order declared. */
    static Map<String, String> usageHelp() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            list.put("%2d".formatted(c.code), c.meaning);
        }
        return list;
    }
}
