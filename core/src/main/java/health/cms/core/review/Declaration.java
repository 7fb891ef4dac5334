package health.cms.core.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import health.cms.core.refusal.Refusal;

/**
 * A reviewer's standing conflict-of-interest declaration: an organisation, the kind of tie and the period it
 * covers. The review screen shows them; they are never public.
 */
@Entity
@Table(name = "reviewer_declaration")
public class Declaration {

    public static final int MAX_ORGANISATION = 200;
    public static final int MAX_KIND = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "profile_id", nullable = false)
    private long profileId;

    @Column(nullable = false)
    private String organisation;

    @Column(nullable = false)
    private String kind;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to")
    private LocalDate periodTo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Declaration() {
    }

    /** A declaration, refused with the field at fault when a part is missing, too long or out of order. */
    public Declaration(long profileId, String organisation, String kind, LocalDate periodFrom, LocalDate periodTo,
            Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        this.organisation = required(errors, "organisation", organisation, MAX_ORGANISATION);
        this.kind = required(errors, "kind", kind, MAX_KIND);
        if (periodFrom == null) {
            errors.put("periodFrom", "is required");
        } else if (periodTo != null && periodTo.isBefore(periodFrom)) {
            errors.put("periodTo", "must not be before the start");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        this.profileId = profileId;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.createdAt = now;
    }

    private static String required(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        if (value.strip().length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    public Long id() {
        return id;
    }

    public long profileId() {
        return profileId;
    }

    public String organisation() {
        return organisation;
    }

    public String kind() {
        return kind;
    }

    public LocalDate periodFrom() {
        return periodFrom;
    }

    /** The end of the tie, or null while it lasts. */
    public LocalDate periodTo() {
        return periodTo;
    }

    /** "2021-03-01 to 2023-02-28", or "since 2021-03-01" for a tie that lasts. */
    public String period() {
        return periodTo == null ? "since " + periodFrom : periodFrom + " to " + periodTo;
    }
}
