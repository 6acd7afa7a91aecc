package dev.bella.cli;

import dev.bella.files.FileWriting;
import dev.bella.report.render.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Where results go: stdout, or a file written whole (never half-written on failure). */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            converter = FormatConverter.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    /** For {@link OfferedValues}: a command that writes only {@code accepted}. */
    static Map<String, List<String>> formats(ReportFormat... accepted) {
        return Map.of("--format", Arrays.stream(accepted).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    void write(String text, PrintWriter stdout) {
        if (output == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            FileWriting.replace(output, text);
        } catch (IOException e) {
            throw new UserException(ExitCode.USAGE, "cannot write " + output + ": " + e.getMessage());
        }
    }

    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format '" + value
                        + "'; expected table, json, csv, markdown or html");
            }
        }
    }

    /**
     * The --format of a command that refuses, as it parses, a format it does not write
     * ({@link OfferedValues.Refusing}): one line naming only what it writes, where {@link FormatConverter}'s
     * list names every format. Padding and case are forgiven, as a format typed in a CI file often has them.
     */
    record Only(List<String> written) implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            if (!written.contains(wanted)) {
                String last = written.getLast();
                String expected = written.size() == 1 ? last
                        : String.join(", ", written.subList(0, written.size() - 1)) + " or " + last;
                throw new UserException(ExitCode.USAGE, "--format: unknown format '" + value + "'; expected " + expected);
            }
            return ReportFormat.valueOf(wanted.toUpperCase(Locale.ROOT));
        }
    }
}
