package dev.bella.spend;

import dev.bella.report.Category;
import dev.bella.report.LineItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The loop FOCUS and CUR imports share: stream the CSV, map each row, sum it, and either stop at the
 * first malformed row (naming its line) or count it with --lenient.
 */
final class BillImporter {

    /** One billed row, mapped; {@code provider} is {@code aws} or another cloud's name, lower-cased. */
    record Row(LocalDate day, String environment, String account, String service, Category category, ChargeKind kind,
               BigDecimal amount, String provider) {

        Row(LocalDate day, String environment, String account, String service, Category category, ChargeKind kind,
            BigDecimal amount) {
            this(day, environment, account, service, category, kind, amount, LineItem.AWS);
        }
    }

    /** A row that cannot be read; the message says which field and why. */
    static final class BadRow extends Exception {
        BadRow(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A bill format: its name for messages, and what checks the header (naming missing columns) and
     * returns the mapper for the rows.
     */
    record Format(String name, Function<Map<String, Integer>, RowMapper> columns) {
    }

    interface RowMapper {
        Row map(List<String> fields) throws BadRow;
    }

    private BillImporter() {
    }

    static Spend read(Path file, Format format, String sourceId, SpendQuery q) {
        SpendAccumulator acc = new SpendAccumulator();
        long rows = 0;
        long malformed = 0;
        long outside = 0;
        String firstProblem = null;
        LocalDate min = null;
        LocalDate max = null;
        LocalDate fileFirst = null;
        LocalDate fileLast = null;
        long inPeriod = 0;
        try (CsvReader csv = CsvReader.open(file)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new SpendException(file + ": empty file; expected a " + format.name() + " CSV with a header row");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).strip(), i);
            }
            RowMapper mapper = format.columns().apply(index);
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                rows++;
                Row row;
                try {
                    if (fields.size() != header.size()) {
                        throw new BadRow("expected " + header.size() + " fields, found " + fields.size());
                    }
                    row = mapper.map(fields);
                } catch (BadRow bad) {
                    String problem = file + ":" + csv.line() + ": " + bad.getMessage();
                    if (!q.lenient()) {
                        throw new SpendException(problem + " (rerun with --lenient to skip and count malformed rows)");
                    }
                    malformed++;
                    firstProblem = firstProblem == null ? problem : firstProblem;
                    continue;
                }
                fileFirst = fileFirst == null || row.day().isBefore(fileFirst) ? row.day() : fileFirst;
                fileLast = fileLast == null || row.day().isAfter(fileLast) ? row.day() : fileLast;
                boolean inside = q.period().open() || q.period().contains(row.day());
                inPeriod += inside ? 1 : 0;
                if (!inside || q.environment().isPresent() && !q.environment().get().equals(row.environment())) {
                    outside++;
                    continue;
                }
                min = min == null || row.day().isBefore(min) ? row.day() : min;
                max = max == null || row.day().isAfter(max) ? row.day() : max;
                String env = switch (q.split()) {
                    case NONE -> SpendQuery.ALL;
                    case ENVIRONMENT -> row.environment() == null ? SpendQuery.UNTAGGED : row.environment();
                    case ACCOUNT -> row.account() == null ? "(no account)" : row.account();
                };
                acc.add(row.day(), new Spend.Key(env, row.service(), row.kind(), row.category(), row.provider()),
                        row.amount());
            }
        } catch (CsvReader.MalformedCsvException e) {
            throw new SpendException(file + ":" + e.line + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new SpendException(sourceId + ": file not found: " + file);
        } catch (java.util.zip.ZipException e) {
            throw new SpendException(file + ": not a readable gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        SpendPeriod period = q.period();
        if (!period.open() && inPeriod == 0) {
            // a period the file does not cover is not a $0 bill: say what the file does cover
            throw new SpendException(file + ": no " + format.name() + " rows in " + period.label() + (fileFirst == null
                    ? "; the file has no cost rows" : "; the file covers " + fileFirst + " to " + fileLast
                    + " (pass --month or --from/--to inside it, or no period for the file's days)"));
        }
        if (period.open()) {
            if (min == null) {
                throw new SpendException(file + ": no cost rows" + (q.environment().map(e -> " for environment " + e)
                        .orElse("")) + "; pass --month or --from/--to to report an empty period");
            }
            period = new SpendPeriod(min + " to " + max + " (the file's days)", min, max.plusDays(1), false);
        }
        List<String> notes = new ArrayList<>();
        BigDecimal exact = acc.lines().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        notes.add("imported " + file.getFileName() + ": " + rows + " rows, exact sum " + exact.stripTrailingZeros()
                .toPlainString() + " before each line is rounded to the cent" + (malformed > 0 ? ", " + malformed
                + " malformed skipped (--lenient)" : "") + (outside > 0 ? ", " + outside + " outside the period or environment" : ""));
        return new Spend(sourceId, period, acc.lines(), acc.daily(), acc.estimatedDays(), notes, List.of(),
                Optional.empty(), Optional.of(new Spend.Import(file.toString(), rows, malformed, outside,
                Optional.ofNullable(firstProblem))));
    }

    /** Column positions by name; names the missing ones all at once. */
    static int[] require(Map<String, Integer> header, String format, String hint, String... names) {
        int[] at = new int[names.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Integer p = header.get(names[i]);
            if (p == null) {
                missing.add(names[i]);
            } else {
                at[i] = p;
            }
        }
        if (!missing.isEmpty()) {
            throw new SpendException("not a " + format + " file: missing column(s) " + String.join(", ", missing) + hint);
        }
        return at;
    }

    static int optional(Map<String, Integer> header, String name) {
        return header.getOrDefault(name, -1);
    }

    /** The date part of a timestamp (yyyy-MM-dd...), read by hand: LocalDate.parse per row was a hot spot. */
    static LocalDate day(String value, String column) throws BadRow {
        String v = value.strip();
        if (v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            int y = digits(v, 0, 4);
            int m = digits(v, 5, 7);
            int d = digits(v, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, m).lengthOfMonth()) {
                return LocalDate.of(y, m, d);
            }
        }
        throw new BadRow(column + ": expected a date such as 2024-09-18T00:00:00Z, found '" + v + "'");
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Amounts as written, scientific notation included ({@code 5.0E-9}); an empty amount is zero. */
    static BigDecimal amount(String value, String column) throws BadRow {
        String v = value.strip();
        if (v.isEmpty() || v.equals("NULL")) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new BadRow(column + ": expected a number, found '" + v + "'");
        }
    }

    /** FOCUS writes nulls as empty fields in some rows and as the bare token NULL in others. */
    static String text(List<String> fields, int at) {
        if (at < 0) {
            return null;
        }
        String v = fields.get(at).strip();
        return v.isEmpty() || v.equals("NULL") ? null : v;
    }
}
