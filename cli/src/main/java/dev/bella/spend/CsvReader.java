package dev.bella.spend;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A streaming RFC 4180 reader: one record in memory at a time, so a billing export of any size reads in
 * bounded heap. Quoted fields may hold commas, doubled quotes and line breaks (FOCUS writes tags as a
 * JSON string); {@link #line()} is the physical line a record starts on, for error messages.
 * Gzip is recognised by its magic bytes, not the file name, because exports are often renamed.
 */
final class CsvReader implements AutoCloseable {

    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int pending = -2;
    // own buffer: Reader.read() per character takes a lock each call, a third of the import's time
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;

    CsvReader(Reader in) {
        this.in = in;
    }

    static CsvReader open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        InputStream body = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new CsvReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** Line number (1-based) where the last record returned by {@link #next()} started. */
    int line() {
        return recordLine;
    }

    /** The next record, or null at the end of input. A lone trailing newline is not a record. */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        if (recordLine == 1 && c == '\uFEFF') {
            c = read();
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new MalformedCsvException("unterminated quoted field", recordLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c < 0) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pending = d;
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int p = pending;
            pending = -2;
            return p;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A record the reader cannot split into fields. */
    static final class MalformedCsvException extends IOException {
        final int line;

        MalformedCsvException(String message, int line) {
            super(message);
            this.line = line;
        }
    }
}
