package health.cms.admin.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.Category;

/** A category as posted from the desk's category editor, and read back into it. */
public class CategoryForm {

    @RestForm
    public String slug;
    @RestForm
    public String name;
    @RestForm
    public String description;
    @RestForm
    public String reviewIntervalMonths;
    @RestForm
    public String targetGrade;
    /** Comma-separated. */
    @RestForm
    public String specialties;
    @RestForm
    public Long version;

    static CategoryForm of(Category c) {
        CategoryForm form = new CategoryForm();
        form.slug = c.slug();
        form.name = c.name();
        form.description = c.description();
        form.reviewIntervalMonths = String.valueOf(c.reviewIntervalMonths());
        form.targetGrade = c.targetGrade().map(BigDecimal::toPlainString).orElse("");
        form.specialties = String.join(", ", c.specialties());
        form.version = c.version();
        return form;
    }

    int interval() {
        try {
            int months = Integer.parseInt(reviewIntervalMonths == null ? "" : reviewIntervalMonths.strip());
            if (months >= 1 && months <= 120) {
                return months;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.invalid(Map.of("reviewIntervalMonths", "must be a number of months from 1 to 120"));
    }

    List<String> specialtyList() {
        if (specialties == null) {
            return List.of();
        }
        if (specialties.length() > 2200) {
            throw Refusal.invalid(Map.of("specialties", "at most 20 specialties of at most 100 characters each"));
        }
        return CatalogChecks.commaSeparated(specialties);
    }

    /** The reading target, null when left empty (the desk's default applies). */
    BigDecimal grade() {
        if (targetGrade == null || targetGrade.isBlank()) {
            return null;
        }
        if (targetGrade.strip().matches("(1[0-8]|[1-9])(\\.[0-9])?")) {
            return new BigDecimal(targetGrade.strip());
        }
        throw Refusal.invalid(Map.of("targetGrade", "must be a grade from 1 to 18, like 8 or 7.5"));
    }
}
