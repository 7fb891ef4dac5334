package health.cms.admin.media;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.core.media.MediaDescription;
import health.cms.core.refusal.Refusal;

/**
 * The descriptive fields of a multipart upload or a desk form, beside the {@code file} part: text fields as
 * typed, tags separated by commas, the focal point as two numbers 0..1, the consent date as {@code 2026-05-01}
 * or an ISO instant.
 */
public class MediaFields {

    /** No form field may exceed this before the description's own limits apply (they are all shorter). */
    static final int FIELD_MAX = 2_000;

    @RestForm
    public String altText;
    @RestForm
    public String caption;
    @RestForm
    public String credit;
    @RestForm
    public String license;
    @RestForm
    public String source;
    @RestForm
    public String focalX;
    @RestForm
    public String focalY;
    @RestForm
    public String tags;
    @RestForm
    public String showsPatient;
    @RestForm
    public String consentBy;
    @RestForm
    public String consentAt;
    @RestForm
    public String consentReference;

    /** The fields as typed, to show them again on a refused form. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("altText", nz(altText));
        values.put("caption", nz(caption));
        values.put("credit", nz(credit));
        values.put("license", nz(license));
        values.put("source", nz(source));
        values.put("tags", nz(tags));
        values.put("focalX", nz(focalX));
        values.put("focalY", nz(focalY));
        values.put("showsPatient", "true".equals(showsPatient) || "on".equals(showsPatient) ? "true" : "");
        values.put("consentBy", nz(consentBy));
        values.put("consentAt", nz(consentAt));
        values.put("consentReference", nz(consentReference));
        return values;
    }

    /** The stored description as the form's values. */
    public static Map<String, String> values(MediaView asset) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("altText", nz(asset.altText()));
        values.put("caption", nz(asset.caption()));
        values.put("credit", nz(asset.credit()));
        values.put("license", nz(asset.license()));
        values.put("source", nz(asset.source()));
        values.put("tags", asset.tagsText());
        values.put("focalX", Double.toString(asset.focalPoint().x()));
        values.put("focalY", Double.toString(asset.focalPoint().y()));
        values.put("showsPatient", asset.showsPatient() ? "true" : "");
        values.put("consentBy", asset.consentBy());
        values.put("consentAt", asset.consentDate());
        values.put("consentReference", asset.consentReference());
        return values;
    }

    /** The fields as a description, each checked; every field at fault is named. */
    public MediaDescription description() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : Map.of("altText", nz(altText), "caption", nz(caption), "credit",
                nz(credit), "license", nz(license), "source", nz(source), "tags", nz(tags), "consentBy", nz(consentBy),
                "consentReference", nz(consentReference)).entrySet()) {
            if (field.getValue().length() > FIELD_MAX) {
                errors.put(field.getKey(), "at most " + FIELD_MAX + " characters");
            }
        }
        double x = fraction(errors, "focalX", focalX);
        double y = fraction(errors, "focalY", focalY);
        Instant given = date(errors, consentAt);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).toList();
        MediaDescription.Consent consent = new MediaDescription.Consent(blankToNull(consentBy), given,
                blankToNull(consentReference));
        return new MediaDescription(altText, caption, credit, license, source, x, y, tagList,
                "true".equals(showsPatient) || "on".equals(showsPatient), consent).check();
    }

    private static double fraction(Map<String, String> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return 0.5;
        }
        try {
            double parsed = Double.parseDouble(value.strip());
            if (parsed >= 0 && parsed <= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, "must be a number from 0 to 1");
        return 0.5;
    }

    private static Instant date(Map<String, String> errors, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.put("consentAt", "must be a date such as 2026-05-01");
            return null;
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
