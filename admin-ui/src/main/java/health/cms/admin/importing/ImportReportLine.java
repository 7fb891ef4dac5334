package health.cms.admin.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of an import's report, written once when its batch is done and never changed, so the report
 * grows by appending rows instead of rewriting a document of every line so far.
 */
@Entity
@Table(name = "import_job_line")
public class ImportReportLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private long jobId;

    @Column(nullable = false, updatable = false)
    private int line;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LineResult.Outcome result;

    @Column(updatable = false)
    private String slug;

    @Column(name = "article_id", updatable = false)
    private Long articleId;

    @Column(updatable = false)
    private Long version;

    @Column(updatable = false)
    private String reason;

    protected ImportReportLine() {
    }

    ImportReportLine(long jobId, LineResult line) {
        this.jobId = jobId;
        this.line = line.line();
        this.result = line.result();
        this.slug = line.slug();
        this.articleId = line.articleId();
        this.version = line.version();
        this.reason = line.reason();
    }

    LineResult toResult() {
        return new LineResult(line, result, slug, articleId, version, reason);
    }
}
