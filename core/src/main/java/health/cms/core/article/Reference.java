package health.cms.core.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A structured citation: the text readers see, plus the identifiers that make it checkable. */
@Embeddable
public class Reference {

    @Column(nullable = false)
    private String citation;
    private String doi;
    private String pmid;
    private String url;

    protected Reference() {
    }

    public Reference(String citation, String doi, String pmid, String url) {
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("A reference needs its citation text");
        }
        this.citation = citation.strip();
        this.doi = blankToNull(doi);
        this.pmid = blankToNull(pmid);
        this.url = blankToNull(url);
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
}
