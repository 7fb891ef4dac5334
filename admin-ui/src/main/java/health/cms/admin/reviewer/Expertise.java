package health.cms.admin.reviewer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.Declaration;
import health.cms.core.review.DeclarationRepository;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;

/**
 * A medical reviewer's own expertise: the specialties and languages on their profile and their
 * conflict-of-interest declarations, each change in the audit trail.
 */
@ApplicationScoped
public class Expertise {

    /** At most this many specialties or languages, each at most {@value #MAX_ENTRY} characters. */
    public static final int MAX_ENTRIES = 20;
    public static final int MAX_ENTRY = 100;

    private final ProfileRepository profiles;
    private final DeclarationRepository declarations;
    private final AuditLog audit;
    private final Clock clock;

    Expertise(ProfileRepository profiles, DeclarationRepository declarations, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.declarations = declarations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A reviewer's profile with their declarations, or empty when no reviewer profile is linked to them. */
    public record Record(Profile profile, List<Declaration> declarations) {
    }

    @Transactional
    public Optional<Record> of(String username) {
        return profiles.findByKeycloakUser(username).filter(Profile::isReviewer)
                .map(profile -> new Record(profile, declarations.ofProfile(profile.id())));
    }

    /** The declarations of the reviewer linked to this account (none without a reviewer profile). */
    @Transactional
    public List<Declaration> declarationsOf(String username) {
        return of(username).map(Record::declarations).orElse(List.of());
    }

    @Transactional
    public void keep(Actor actor, List<String> specialties, List<String> languages) {
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "specialties", specialties);
        check(errors, "languages", languages);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Profile profile = own(actor);
        profile.keepExpertise(specialties, languages);
        record(actor, ExpertiseAction.KEEP_EXPERTISE, profile, "specialties: " + String.join(", ", profile.specialties())
                + "; languages: " + String.join(", ", profile.languages()));
    }

    @Transactional
    public Declaration declare(Actor actor, String organisation, String kind, LocalDate from, LocalDate to) {
        Profile profile = own(actor);
        Declaration declaration = new Declaration(profile.id(), organisation, kind, from, to, clock.instant());
        declarations.persist(declaration);
        record(actor, ExpertiseAction.DECLARE_INTEREST, profile,
                declaration.organisation() + " (" + declaration.kind() + ", " + declaration.period() + ")");
        return declaration;
    }

    @Transactional
    public void withdraw(Actor actor, long declarationId) {
        Profile profile = own(actor);
        Declaration declaration = declarations.findByIdOptional(declarationId)
                .filter(d -> d.profileId() == profile.id())
                .orElseThrow(() -> Refusal.notFound("Declaration " + declarationId));
        declarations.delete(declaration);
        record(actor, ExpertiseAction.WITHDRAW_DECLARATION, profile,
                declaration.organisation() + " (" + declaration.kind() + ", " + declaration.period() + ")");
    }

    private Profile own(Actor actor) {
        if (!actor.has(Role.MEDICAL_REVIEWER)) {
            throw Refusal.forbidden("Only medical reviewers keep specialties and declarations");
        }
        return profiles.findByKeycloakUser(actor.username()).filter(Profile::isReviewer)
                .orElseThrow(() -> Refusal.conflict(
                        "No reviewer profile is linked to your account; ask an editor to create one"));
    }

    private void record(Actor actor, ExpertiseAction action, Profile profile, String comment) {
        audit.append(AuditLog.Entry.about(AuditSubject.PROFILE, profile.slug(), clock.instant(), actor.username(),
                action.value(), comment));
    }

    private static void check(Map<String, String> errors, String field, List<String> entries) {
        if (entries.size() > MAX_ENTRIES) {
            errors.put(field, "at most " + MAX_ENTRIES + " entries");
        } else if (entries.stream().anyMatch(entry -> entry.strip().length() > MAX_ENTRY)) {
            errors.put(field, "each at most " + MAX_ENTRY + " characters");
        }
    }
}
