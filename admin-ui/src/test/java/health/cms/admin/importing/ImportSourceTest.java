package health.cms.admin.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import health.cms.core.refusal.Refusal;

/** The import's input path: streamed, checked and spooled without ever holding the whole file. */
class ImportSourceTest {

    /** Lines of about 5 KB: 40,000 of them are 200 MB, far more than the 48 MB heap the copy runs with. */
    private static final int LINES = 40_000;
    private static final String LINE = "{\"slug\":\"s\",\"title\":\"T\",\"body\":\"" + "x".repeat(5_000) + "\"}\n";

    /**
     * Runs {@link #main} in a JVM with a 48 MB heap: a file read whole (as {@code String body} did) cannot fit,
     * so the child fails with an OutOfMemoryError; streamed, it spools and reads back every line.
     */
    @Test
    void importOfLargeFileDoesNotHoldItInMemory() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                ImportSourceTest.class.getName()).redirectErrorStream(true).start();
        String output;
        try (InputStream out = child.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("articles=" + LINES + " read=" + LINES), output);
    }

    /** Spools a generated 200 MB upload and reads it back as the job does; prints what it counted. */
    public static void main(String[] args) throws IOException {
        try (ImportSource source = ImportSource.spool(new Generated(LINES), "body");
                ImportSource.Lines lines = source.open()) {
            int read = 0;
            for (String line = lines.next(); line != null; line = lines.next()) {
                read += line.length() == LINE.length() - 1 ? 1 : 0;
            }
            System.out.println("articles=" + source.articles() + " read=" + read);
        }
    }

    @Test
    void blankNonUtf8AndOverlongInputIsRefusedNamingTheField() {
        assertEquals(Refusal.invalid("file", "the file has no lines; send one JSON article per line").fieldErrors(),
                assertThrows(Refusal.Invalid.class, () -> ImportSource.of("\n  \n", "file")).fieldErrors());
        Refusal.Invalid latin1 = assertThrows(Refusal.Invalid.class, () -> ImportSource
                .spool(new java.io.ByteArrayInputStream("{\"title\":\"Gr\u00fc\u00df\"}".getBytes(StandardCharsets.ISO_8859_1)),
                        "file"));
        assertTrue(latin1.fieldErrors().get("file").contains("not UTF-8"), latin1.fieldErrors().toString());
        Refusal.Invalid overlong = assertThrows(Refusal.Invalid.class,
                () -> ImportSource.of("{}\n" + "y".repeat(ImportSource.MAX_LINE_CHARS + 1) + "\n", "body"));
        assertTrue(overlong.fieldErrors().get("body").startsWith("line 2 is longer than"), overlong.fieldErrors().toString());
    }

    @Test
    void linesKeepTheirNumbersAcrossBlankLinesAndWindowsLineBreaks() throws IOException {
        List<String> read = new ArrayList<>();
        try (ImportSource source = ImportSource.of("{\"a\":1}\r\n\r\n{\"b\":2}", "body");
                ImportSource.Lines lines = source.open()) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                read.add(line);
            }
            assertEquals(2, source.articles());
        }
        assertEquals(List.of("{\"a\":1}", "", "{\"b\":2}"), read);
    }

    /** An upload produced as it is read, so the test itself holds none of it. */
    private static final class Generated extends InputStream {

        private final byte[] line = LINE.getBytes(StandardCharsets.UTF_8);
        private long remaining;
        private int position;

        Generated(int lines) {
            this.remaining = (long) lines * line.length;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            byte b = line[position];
            position = (position + 1) % line.length;
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, remaining), line.length - position);
            System.arraycopy(line, position, into, offset, n);
            position = (position + n) % line.length;
            remaining -= n;
            return n;
        }
    }
}
