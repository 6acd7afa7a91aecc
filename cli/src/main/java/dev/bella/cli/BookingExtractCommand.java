package dev.bella.cli;

import dev.bella.booking.extract.ExtractionCache;
import dev.bella.booking.extract.ExtractionJson;
import dev.bella.booking.extract.ExtractionResult;
import dev.bella.booking.extract.LlmExtractor;
import dev.bella.booking.extract.LocalExtractor;
import dev.bella.booking.extract.RedisLevel;
import dev.bella.booking.extract.TieredExtraction;
import dev.bella.booking.extract.UtteranceContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "extract",
        description = {"Extract appointment fields (name, phone, date, time) from what a caller said, as JSON.",
                "Local grammar first; OpenAI gpt-4o-mini only for what it cannot settle, when OPENAI_API_KEY is set;",
                "answers cached in process and in Redis when BELLA_REDIS_URL is set."},
        footerHeading = "%nExamples:%n",
        footer = {"  bella booking extract \"my name is Ana Silva, tomorrow at 3\" \\",
                "      --at 2026-11-25T19:00:00Z --tz America/Toronto",
                "  bella booking extract \"use this number\" --from +15145550199 --local-only",
                "  bella booking extract --file utterances.jsonl --tz America/Toronto \\",
                "      > fields.jsonl"})
final class BookingExtractCommand implements Callable<Integer> {

    @ArgGroup(multiplicity = "1") Utterances utterances;

    @Refusal("give the utterance as an argument or --file FILE, not both or neither")
    static final class Utterances {
        @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The utterance (omit with --file).")
        String text;

        @Option(names = "--file", paramLabel = "FILE", description = "JSON lines {\"id\", \"text\", \"at\", \"tz\", "
                + "\"from\"}; one output line per input line, in order.")
        Path file;
    }

    @Option(names = "--at", paramLabel = "ISO_INSTANT", description = "When it was said (default: now); relative dates resolve from it.")
    String at;

    @Option(names = "--tz", paramLabel = "ZONE", description = "The business time zone (default: this machine's).")
    String tz;

    @Option(names = "--from", paramLabel = "NUMBER", description = "The caller's number: what \"this number\" means.")
    String from;

    @Option(names = "--local-only", description = "Never call OpenAI, even with OPENAI_API_KEY set.")
    boolean localOnly;

    @CommandLine.Spec
    CommandSpec self;

    @Override
    public Integer call() throws IOException {
        String text = utterances.text;
        Instant when;
        ZoneId zone;
        try {
            when = at == null ? Clock.systemUTC().instant() : ExtractionJson.instant(at);
            zone = tz == null ? ZoneId.systemDefault() : ExtractionJson.zone(tz);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, (at != null && e.getMessage().contains("instant") ? "--at " : "--tz ") + e.getMessage());
        }
        var env = System.getenv();
        LlmExtractor llm;
        try {
            llm = localOnly ? null : LlmExtractor.fromEnv(env, Clock.systemUTC()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCode.USAGE, e.getMessage());
        }
        if (llm != null) {
            // the SDK's first-use cost (seconds when cold) is paid here, before any utterance's 2 s budget
            llm.warmUp();
        }
        try (ExtractionCache cache = ExtractionCache.of(RedisLevel.fromEnv(env, Clock.systemUTC()).orElse(null))) {
            Extract tiered = new Extract(new TieredExtraction(new LocalExtractor(), llm, cache,
                    TieredExtraction.Policy.DEFAULT, TieredExtraction.Listener.NONE), localOnly);
            PrintWriter out = self.commandLine().getOut();
            if (text != null) {
                out.println(ExtractionJson.render(tiered.run(text, UtteranceContext.of(when, zone, from)), null));
            } else {
                for (ExtractionJson.Request r : requests(when, zone)) {
                    out.println(ExtractionJson.render(tiered.run(r.text(), r.context()), r.id()));
                }
            }
            out.flush();
        }
        return ExitCode.OK.code;
    }

    /**
     * A nested type, not a method of the command: picocli reflects on the command's methods, and booking-core types
     * in their signatures would need the booking runtime on every command's classpath (the launcher's light one).
     */
    private record Extract(TieredExtraction tiered, boolean localOnly) {
        ExtractionResult run(String utterance, UtteranceContext ctx) {
            return localOnly ? tiered.extractLocal(utterance, ctx) : tiered.extract(utterance, ctx, ExtractionResult.EMPTY);
        }
    }

    /** All lines are checked before any output, so a bad line 90 never leaves 89 answers half-written. */
    private List<ExtractionJson.Request> requests(Instant when, ZoneId zone) throws IOException {
        Path file = utterances.file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCode.USAGE, file + ": no such file");
        }
        var out = new java.util.ArrayList<ExtractionJson.Request>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            try {
                out.add(ExtractionJson.parseLine(lines.get(i), when, zone, from));
            } catch (IllegalArgumentException e) {
                throw new UserException(ExitCode.USAGE, file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
