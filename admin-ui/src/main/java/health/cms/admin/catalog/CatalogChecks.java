package health.cms.admin.catalog;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import health.cms.core.profile.ProfileDetails;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.core.url.HttpUrls;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;

/** The catalog's rules for what an editor types: who may change it, slugs, names, lengths, links, specialties. */
final class CatalogChecks {

    private CatalogChecks() {
    }

    /**
     * Lengths the database holds, and links that can only be web addresses: the author box renders
     * them as links on every downstream site, so a {@code javascript:} URL must never get in.
     */
    static void checkDetails(ProfileDetails details) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (details.displayName() == null || details.displayName().isBlank()) {
            errors.put("displayName", "is required");
        }
        maxLength(errors, "displayName", details.displayName(), 200);
        maxLength(errors, "credentials", details.credentials(), 200);
        maxLength(errors, "bio", details.bio(), 5000);
        maxLength(errors, "keycloakUser", details.keycloakUser(), 200);
        checkLink(errors, "website", details.website());
        checkLink(errors, "avatarUrl", details.avatarUrl());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    private static void checkLink(Map<String, String> errors, String field, String value) {
        maxLength(errors, field, value, 500);
        HttpUrls.problem(value).ifPresent(problem -> errors.putIfAbsent(field, problem));
    }

    /** At most 20 specialties of at most 100 characters, as reviewers' profiles hold them. */
    static List<String> checkedSpecialties(List<String> specialties) {
        if (specialties == null) {
            return List.of();
        }
        if (specialties.size() > 20 || specialties.stream().anyMatch(s -> s == null || s.strip().length() > 100)) {
            throw Refusal.invalid(Map.of("specialties", "at most 20 specialties of at most 100 characters each"));
        }
        return specialties;
    }

    /** A comma-separated field's entries, stripped, the empty ones dropped. */
    static List<String> commaSeparated(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void maxLength(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.putIfAbsent(field, "must be at most " + max + " characters");
        }
    }

    static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Managing categories, tags and profiles needs the editor role");
        }
    }

    static void requireNewSlug(String slug, boolean exists) {
        if (!Slugs.isValid(slug)) {
            throw Refusal.invalid(Map.of("slug", "must be lowercase letters, digits and single hyphens"));
        }
        if (exists) {
            throw Refusal.invalid(Map.of("slug", "'" + slug + "' already exists"));
        }
    }

    static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Refusal.invalid(Map.of("name", "is required (at most 200 characters)"));
        }
        return name.strip();
    }

    static <T> T guarded(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(Map.of("body", e.getMessage()));
        }
    }
}
