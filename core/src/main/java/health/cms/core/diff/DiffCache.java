package health.cms.core.diff;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of compared sections, keyed by a SHA-256 of exactly the text that
 * was compared on each side, so an entry can never be stale and a reviewer reopening the same pair of
 * revisions does not pay for the diff twice. Bounded by entries and by the characters it holds.
 */
final class DiffCache {

    private final int maxEntries;
    private final long maxChars;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;
    private long hits;

    DiffCache(int maxEntries, long maxChars) {
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** The digests of both sides' sections; the revisions' numbers are not part of the comparison. */
    record Key(String before, String after) {

        static Key of(Map<String, String> before, Map<String, String> after) {
            return new Key(digest(before), digest(after));
        }
    }

    private record Entry(List<RevisionDiff.Section> sections, long chars) {
    }

    /** The cached sections for {@code key}, or computes, keeps and returns them. */
    List<RevisionDiff.Section> get(Key key, Supplier<List<RevisionDiff.Section>> compare) {
        synchronized (this) {
            Entry cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached.sections();
            }
        }
        // Compared outside the lock: two readers of one new pair may both compute, which is harmless.
        List<RevisionDiff.Section> sections = List.copyOf(compare.get());
        long size = sections.stream().flatMap(s -> s.segments().stream()).mapToLong(s -> s.text().length()).sum();
        synchronized (this) {
            if (size <= maxChars && !entries.containsKey(key)) {
                entries.put(key, new Entry(sections, size));
                chars += size;
                var eldest = entries.entrySet().iterator();
                while (entries.size() > maxEntries || chars > maxChars) {
                    chars -= eldest.next().getValue().chars();
                    eldest.remove();
                }
            }
        }
        return sections;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized int size() {
        return entries.size();
    }

    private static String digest(Map<String, String> sections) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> section : sections.entrySet()) {
                // Length-prefixed raw UTF-16, so no two different maps hash the same bytes (an encoder would
                // turn every lone surrogate into the same replacement character).
                for (String part : List.of(section.getKey(), section.getValue())) {
                    ByteBuffer bytes = ByteBuffer.allocate(4 + 2 * part.length()).putInt(part.length());
                    bytes.asCharBuffer().put(part);
                    sha.update(bytes.array());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
