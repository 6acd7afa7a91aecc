package dev.bella.cli;

import dev.bella.aws.ConfiguredCredentials;
import dev.bella.report.CostReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the report's source from {@code --source}: estimate, aws, auto (aws when AWS credentials are
 * configured, else estimate), focus:FILE or cur:FILE.
 */
record ReportSource(Kind kind, Optional<Path> file, String reason) {

    enum Kind { ESTIMATE, AWS, FOCUS, CUR }

    /** {@code profile} is --profile, which auto must honour the way the AWS command will. */
    static ReportSource choose(String requested, Map<String, String> env, Optional<String> profile) {
        String value = requested.strip();
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String path = colon < 0 ? "" : value.substring(colon + 1);
        return switch (name) {
            case "estimate" -> noFile(value, new ReportSource(Kind.ESTIMATE, Optional.empty(), "requested"));
            case "aws" -> noFile(value, new ReportSource(Kind.AWS, Optional.empty(), "requested"));
            case "auto" -> noFile(value, ConfiguredCredentials.find(env, profile)
                    .map(from -> new ReportSource(Kind.AWS, Optional.empty(), "auto: AWS credentials are configured ("
                            + from + ")"))
                    .orElseGet(() -> new ReportSource(Kind.ESTIMATE, Optional.empty(), "auto: no AWS credentials configured")));
            case "focus", "cur" -> {
                if (path.isBlank()) {
                    throw new UserException(ExitCode.USAGE, "--source " + name + ": expected " + name
                            + ":FILE, e.g. --source " + name + ":export.csv.gz");
                }
                yield new ReportSource(name.equals("focus") ? Kind.FOCUS : Kind.CUR, Optional.of(Path.of(path)), "requested");
            }
            default -> throw new UserException(ExitCode.USAGE, "--source: expected estimate, aws, auto, focus:FILE or "
                    + "cur:FILE, found '" + requested + "'");
        };
    }

    private static ReportSource noFile(String value, ReportSource s) {
        if (value.contains(":")) {
            throw new UserException(ExitCode.USAGE, "--source " + value + ": only focus and cur take a file");
        }
        return s;
    }

    CostReport annotate(CostReport r) {
        List<String> notes = new ArrayList<>();
        notes.add("source: " + r.source() + " (" + reason + ")");
        notes.addAll(r.notes().stream().filter(n -> !n.startsWith("source: ")).toList());
        return r.withNotes(notes);
    }
}
