package health.cms.admin.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.taxonomy.Category;
import health.cms.workflow.Actor;

/**
 * Writes the catalog's changes into the hash-chained audit trail, each naming what changed from what to
 * what: a reviewer's credentials and linked account are frozen into every sign-off they give, and a
 * category's interval sets when its articles are due again, so who changed them must stay provable.
 */
@ApplicationScoped
class CatalogAudit {

    /** Long free text (a bio, a description) is recorded as changed, not copied into the trail. */
    private static final int SHOWN_CHARS = 200;

    private final AuditLog audit;
    private final Clock clock;

    CatalogAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(Actor actor, CatalogAction action, AuditSubject subject, String slug, String comment) {
        audit.append(AuditLog.Entry.about(subject, slug, clock.instant(), actor.username(), action.value(), comment));
    }

    /** Records a profile's change: a new sign-in account as its own event, the other fields as another. */
    @Transactional(Transactional.TxType.MANDATORY)
    void profileChanged(Actor actor, String slug, ProfileDetails before, ProfileDetails after) {
        if (!Objects.equals(before.keycloakUser(), after.keycloakUser())) {
            record(actor, CatalogAction.RELINK_PROFILE, AuditSubject.PROFILE, slug,
                    "keycloakUser: " + shown(before.keycloakUser()) + " -> " + shown(after.keycloakUser()));
        }
        List<String> changes = new ArrayList<>();
        change(changes, "displayName", before.displayName(), after.displayName());
        change(changes, "credentials", before.credentials(), after.credentials());
        changedText(changes, "bio", before.bio(), after.bio());
        change(changes, "website", before.website(), after.website());
        change(changes, "avatarUrl", before.avatarUrl(), after.avatarUrl());
        change(changes, "specialties", String.join(", ", before.specialties()), String.join(", ", after.specialties()));
        change(changes, "author", before.author(), after.author());
        change(changes, "reviewer", before.reviewer(), after.reviewer());
        if (!changes.isEmpty()) {
            record(actor, CatalogAction.UPDATE_PROFILE, AuditSubject.PROFILE, slug, String.join("; ", changes));
        }
    }

    /** A profile's editable fields as they are now, for comparing before and after an update. */
    static ProfileDetails detailsOf(Profile profile) {
        return new ProfileDetails(profile.displayName(), profile.credentials(), profile.bio(), profile.website(),
                profile.avatarUrl(), profile.specialties(), profile.keycloakUser(), profile.isAuthor(),
                profile.isReviewer());
    }

    /** What a new profile starts with that a sign-off relies on: the account, the reviewer flag, credentials. */
    static String profileCreated(ProfileDetails details) {
        return "displayName: " + shown(details.displayName()) + "; credentials: " + shown(details.credentials())
                + "; keycloakUser: " + shown(details.keycloakUser()) + "; author: " + details.author() + "; reviewer: "
                + details.reviewer();
    }

    /** A category's state as a snapshot, for comparing before and after an update. */
    record CategoryState(String name, String description, int reviewIntervalMonths, Object targetGrade,
            String specialties) {

        static CategoryState of(Category category) {
            return new CategoryState(category.name(), category.description(), category.reviewIntervalMonths(),
                    category.targetGrade().orElse(null), String.join(", ", category.specialties()));
        }

        String created() {
            return "name: " + shown(name) + "; reviewIntervalMonths: " + reviewIntervalMonths;
        }

        String changesTo(CategoryState after) {
            List<String> changes = new ArrayList<>();
            change(changes, "name", name, after.name);
            changedText(changes, "description", description, after.description);
            change(changes, "reviewIntervalMonths", reviewIntervalMonths, after.reviewIntervalMonths);
            change(changes, "targetGrade", targetGrade, after.targetGrade);
            change(changes, "specialties", specialties, after.specialties);
            return String.join("; ", changes);
        }
    }

    private static void change(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + shown(before) + " -> " + shown(after));
        }
    }

    private static void changedText(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + " changed");
        }
    }

    private static String shown(Object value) {
        if (value == null) {
            return "none";
        }
        String text = value.toString();
        return "'" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text) + "'";
    }
}
