package health.cms.core.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A structured citation: the text readers see, the parts it names (authors, title, journal or other
 * source, year) and the identifiers that make it checkable. The text is composed from the parts when
 * it is not given, so a writer fills in fields and readers still get one line.
 */
@Embeddable
public class Reference {

    /** The reference columns {@link #read} expects, in its order. */
    public static final String COLUMNS = "citation, doi, pmid, url, authors, title, source, year";

    @Column(nullable = false)
    private String citation;
    private String doi;
    private String pmid;
    private String url;
    private String authors;
    private String title;
    private String source;
    private Integer year;

    protected Reference() {
    }

    /** A citation given as text only, with its identifiers. */
    public Reference(String citation, String doi, String pmid, String url) {
        this(citation, new Parts(null, null, null, null), doi, pmid, url);
    }

    public Reference(String citation, Parts parts, String doi, String pmid, String url) {
        this.authors = blankToNull(parts.authors());
        this.title = blankToNull(parts.title());
        this.source = blankToNull(parts.source());
        this.year = parts.year();
        String text = blankToNull(citation);
        if (text == null && title == null) {
            throw new IllegalArgumentException("A reference needs its citation text or at least its title");
        }
        this.citation = text == null ? compose(authors, title, source, year) : text;
        this.doi = blankToNull(doi);
        this.pmid = blankToNull(pmid);
        this.url = blankToNull(url);
    }

    /** The parts of a citation a writer may give one by one; each may be null. */
    public record Parts(String authors, String title, String source, Integer year) {
    }

    /** The fields from {@link #COLUMNS} starting at column {@code first} of a row. */
    public static Reference read(ResultSet rs, int first) throws SQLException {
        return new Reference(rs.getString(first), new Parts(rs.getString(first + 4), rs.getString(first + 5),
                rs.getString(first + 6), rs.getObject(first + 7, Integer.class)), rs.getString(first + 1),
                rs.getString(first + 2), rs.getString(first + 3));
    }

    /** "Authors. Title. Source. Year." in the Vancouver order, leaving out what is not given. */
    public static String compose(String authors, String title, String source, Integer year) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[]{authors, title, source, year == null ? null : year.toString()}) {
            if (part != null && !part.isBlank()) {
                String stripped = part.strip();
                parts.add(stripped.endsWith(".") || stripped.endsWith("?") || stripped.endsWith("!")
                        ? stripped
                        : stripped + ".");
            }
        }
        return String.join(" ", parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String citation() {
        return citation;
    }

    public String doi() {
        return doi;
    }

    public String pmid() {
        return pmid;
    }

    public String url() {
        return url;
    }

    public Parts parts() {
        return new Parts(authors, title, source, year);
    }

    public String authors() {
        return authors;
    }

    public String title() {
        return title;
    }

    public String source() {
        return source;
    }

    public Integer year() {
        return year;
    }
}
