package health.cms.admin.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the tables of {@link AccessMatrix} read: a header of user columns, then one row per request with the status
 * each user gets.
 */
public final class MatrixTable {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /** A column: a user name and their realm roles (null for an anonymous caller). */
    public record User(String name, List<String> roles) {

        public boolean anonymous() {
            return roles == null;
        }
    }

    /** One line of a table: the request and the status expected for each user. */
    public record Row(String method, String path, String body, Map<String, Integer> expected) {

        /** The fixture the path names ({@code draft}, {@code category}...), or null. */
        public String placeholder() {
            Matcher m = PLACEHOLDER.matcher(path);
            return m.find() ? m.group(1) : null;
        }

        /** The path as the endpoint scan sees it: a made-up id in place of the fixture's. */
        public String samplePath() {
            // {thread} names an article and one of its comments
            return pathFor("thread".equals(placeholder()) ? "1/comments/1" : "1");
        }

        /** The path with its placeholder replaced by the fixture's id or slug. */
        public String pathFor(String value) {
            return PLACEHOLDER.matcher(path).replaceFirst(Matcher.quoteReplacement(value));
        }

        public boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return String.format("%-6s %-46s %s", method, path, body.equals("-") ? "" : body);
        }
    }

    private MatrixTable() {
    }

    static List<Row> parse(String table, List<User> users) {
        List<String> lines = table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> header = List.of(lines.get(0).split("\\s+"));
        List<String> columns = header.subList(2, header.size());
        if (!columns.equals(users.stream().map(User::name).toList())) {
            throw new IllegalStateException("the table's columns must be " + users + ", not " + columns);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            if (cells.length != 3 + columns.size()) {
                throw new IllegalStateException("row needs method, path, body and one status per user: " + line);
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                expected.put(columns.get(i), Integer.valueOf(cells[3 + i]));
            }
            rows.add(new Row(cells[0], cells[1], cells[2], expected));
        }
        return rows;
    }
}
