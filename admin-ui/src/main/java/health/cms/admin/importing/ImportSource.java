package health.cms.admin.importing;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import health.cms.core.refusal.Refusal;

/**
 * The lines of one import, copied from the request as they arrive into a file of their own, so neither
 * the upload nor the background job ever holds more than one line in memory.
 */
public final class ImportSource implements AutoCloseable {

    static final int MAX_LINES = 50_000;
    /** An article body may have 200,000 characters; escaped as JSON it may grow a few times over. */
    static final int MAX_LINE_CHARS = 2_000_000;

    private final Path file;
    private final int articles;

    private ImportSource(Path file, int articles) {
        this.file = file;
        this.articles = articles;
    }

    /**
     * Copies {@code in} to a spool file while checking it: UTF-8 text, at most {@value #MAX_LINES} lines of at
     * most {@value #MAX_LINE_CHARS} characters, at least one that is not blank. A refusal names {@code field}.
     */
    public static ImportSource spool(InputStream in, String field) {
        Path file;
        try {
            file = Files.createTempFile("cms-import-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("No room for an import's spool file", e);
        }
        try (Lines lines = new Lines(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int count = 0;
            int articles = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (++count > MAX_LINES) {
                    throw Refusal.invalid(field, "at most " + MAX_LINES + " lines per import");
                }
                articles += line.isBlank() ? 0 : 1;
                out.write(line);
                out.write('\n');
            }
            if (articles == 0) {
                throw Refusal.invalid(field, "the file has no lines; send one JSON article per line");
            }
            return new ImportSource(file, articles);
        } catch (RuntimeException | IOException e) {
            delete(file);
            throw refusal(e, field);
        }
    }

    /** Pasted lines, which the desk's form limit already keeps small. */
    public static ImportSource of(String text, String field) {
        return spool(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), field);
    }

    private static RuntimeException refusal(Exception e, String field) {
        if (e instanceof RuntimeException runtime && !(e instanceof UncheckedIOException)) {
            return runtime;
        }
        if (e instanceof CharacterCodingException) {
            return Refusal.invalid(Map.of(field, "is not UTF-8 text; save it as UTF-8 JSON Lines"));
        }
        if (e instanceof LineTooLong tooLong) {
            return Refusal.invalid(Map.of(field, "line " + tooLong.line + " is longer than " + MAX_LINE_CHARS
                    + " characters; send one article per line"));
        }
        return Refusal.invalid(Map.of(field, "could not be read completely; send it again"));
    }

    /** The lines that hold an article (not blank). */
    public int articles() {
        return articles;
    }

    /** Reads the spooled lines back, one at a time. */
    Lines open() throws IOException {
        return new Lines(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** Removes the spool file; the job calls it when its last line is done. */
    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file in the temporary directory is harmless; the import's outcome does not depend on it
        }
    }

    /** A line longer than {@link #MAX_LINE_CHARS}, found before it was read whole. */
    static final class LineTooLong extends IOException {

        private final int line;

        LineTooLong(int line) {
            super("line " + line + " is too long");
            this.line = line;
        }
    }

    /**
     * Lines split at {@code \n} (a {@code \r} before it is dropped), refused past {@link #MAX_LINE_CHARS}
     * before they are held: {@link java.io.BufferedReader#readLine} would buffer a line of any length.
     */
    static final class Lines implements Closeable {

        private final Reader in;
        private final char[] buffer = new char[8192];
        private int position;
        private int end;
        private int number;

        Lines(Reader in) {
            this.in = in;
        }

        /** The next line without its line break, or null after the last. */
        String next() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == end) {
                    int read = in.read(buffer, 0, buffer.length);
                    position = 0;
                    end = Math.max(read, 0);
                    if (read < 0) {
                        return line == null ? null : finish(line);
                    }
                }
                int start = position;
                while (position < end && buffer[position] != '\n') {
                    position++;
                }
                line = line == null ? new StringBuilder() : line;
                if (line.length() + position - start > MAX_LINE_CHARS) {
                    throw new LineTooLong(number + 1);
                }
                line.append(buffer, start, position - start);
                if (position < end) {
                    position++;
                    return finish(line);
                }
            }
        }

        private String finish(StringBuilder line) {
            number++;
            int length = line.length();
            return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
