package health.cms.core.media;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import health.cms.core.refusal.Refusal;

/**
 * What people say about an image: everything of an asset but its bytes. {@link #check()} refuses text over
 * its limit, a focal point outside the picture, too many tags, and a consent record with parts missing.
 */
public record MediaDescription(String altText, String caption, String credit, String license, String source,
        double focalX, double focalY, List<String> tags, boolean showsPatient, Consent consent) {

    public static final int ALT_TEXT_MAX = 500;
    public static final int CAPTION_MAX = 1000;
    public static final int CREDIT_MAX = 300;
    public static final int LICENSE_MAX = 200;
    public static final int SOURCE_MAX = 500;
    public static final int TAG_MAX = 60;
    public static final int TAGS_MAX = 30;
    public static final int CONSENT_FIELD_MAX = 200;

    /** The record of a patient's consent to be shown: who gave it, when, and where the signed form is. */
    public record Consent(String givenBy, Instant givenAt, String reference) {
    }

    /** Nothing said yet: the middle as focal point, no tags, no patient. */
    public static MediaDescription empty() {
        return new MediaDescription(null, null, null, null, null, 0.5, 0.5, List.of(), false, null);
    }

    public MediaDescription {
        altText = trimmed(altText);
        caption = trimmed(caption);
        credit = trimmed(credit);
        license = trimmed(license);
        source = trimmed(source);
        tags = tags == null
                ? List.of()
                : tags.stream().map(MediaDescription::trimmed).filter(t -> t != null).distinct().toList();
        if (consent != null && consent.givenBy() == null && consent.givenAt() == null && consent.reference() == null) {
            consent = null;
        }
    }

    /** Refuses the description with every field at fault. */
    public MediaDescription check() {
        Map<String, String> errors = new LinkedHashMap<>();
        limit(errors, "altText", altText, ALT_TEXT_MAX);
        limit(errors, "caption", caption, CAPTION_MAX);
        limit(errors, "credit", credit, CREDIT_MAX);
        limit(errors, "license", license, LICENSE_MAX);
        limit(errors, "source", source, SOURCE_MAX);
        if (!(focalX >= 0 && focalX <= 1)) {
            errors.put("focalX", "must be between 0 (left edge) and 1 (right edge)");
        }
        if (!(focalY >= 0 && focalY <= 1)) {
            errors.put("focalY", "must be between 0 (top edge) and 1 (bottom edge)");
        }
        if (tags.size() > TAGS_MAX) {
            errors.put("tags", "at most " + TAGS_MAX + " tags");
        } else if (tags.stream().anyMatch(t -> t.length() > TAG_MAX)) {
            errors.put("tags", "each tag has at most " + TAG_MAX + " characters");
        }
        if (consent != null) {
            if (consent.givenBy() == null || consent.givenBy().isBlank() || consent.givenAt() == null
                    || consent.reference() == null || consent.reference().isBlank()) {
                errors.put("consent", "a consent record needs who gave it, when, and its reference");
            } else {
                limit(errors, "consent", consent.givenBy().strip(), CONSENT_FIELD_MAX);
                limit(errors, "consent", consent.reference().strip(), CONSENT_FIELD_MAX);
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return this;
    }

    private static void limit(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, "at most " + max + " characters (this has " + value.length() + ")");
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
