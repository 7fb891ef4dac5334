package health.cms.admin.catalog;

import static health.cms.admin.catalog.CatalogChecks.checkDetails;
import static health.cms.admin.catalog.CatalogChecks.checkedSpecialties;
import static health.cms.admin.catalog.CatalogChecks.guarded;
import static health.cms.admin.catalog.CatalogChecks.requireEditor;
import static health.cms.admin.catalog.CatalogChecks.requireName;
import static health.cms.admin.catalog.CatalogChecks.requireNewSlug;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import health.cms.core.audit.AuditSubject;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.workflow.Actor;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Editors' management of categories, tags and author/reviewer profiles, version-checked like articles. */
@ApplicationScoped
public class DeskCatalog {

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final ProfileRepository profiles;
    private final CatalogAudit audit;
    private final Clock clock;

    DeskCatalog(CategoryRepository categories, TagRepository tags, ProfileRepository profiles, CatalogAudit audit,
            Clock clock) {
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of the categories by name (slug breaks ties, so pages never overlap). */
    @Transactional
    public List<Category> categories(int offset, int limit) {
        return categories.find("order by name, slug").range(offset, offset + limit - 1).list();
    }

    @Transactional
    public List<Tag> tags(int offset, int limit) {
        return tags.find("order by name, slug").range(offset, offset + limit - 1).list();
    }

    @Transactional
    public List<Profile> profiles(int offset, int limit) {
        return profiles.find("order by displayName, slug").range(offset, offset + limit - 1).list();
    }

    @Transactional
    public List<Category> categories() {
        return categories.list("order by name");
    }

    @Transactional
    public List<Tag> tags() {
        return tags.list("order by name");
    }

    @Transactional
    public List<Profile> profiles() {
        return profiles.list("order by displayName");
    }

    @Transactional
    public Category category(String slug) {
        return categories.findBySlug(slug).orElseThrow(() -> Refusal.notFound("Category '" + slug + "'"));
    }

    @Transactional
    public Tag tag(String slug) {
        return tags.findBySlug(slug).orElseThrow(() -> Refusal.notFound("Tag '" + slug + "'"));
    }

    @Transactional
    public Profile profile(String slug) {
        return profiles.findBySlug(slug).orElseThrow(() -> Refusal.notFound("Profile '" + slug + "'"));
    }

    @Transactional
    public Category createCategory(Actor actor, String slug, String name, String description, int intervalMonths) {
        return createCategory(actor, slug, name, description, intervalMonths, null);
    }

    @Transactional
    public Category createCategory(Actor actor, String slug, String name, String description, int intervalMonths,
            BigDecimal targetGrade) {
        return createCategory(actor, slug, name, description, intervalMonths, targetGrade, List.of());
    }

    /**
     * Creates a category; {@code targetGrade} null takes the desk's default reading target, and the
     * specialties say whom to suggest as its reviewers (none: anyone).
     */
    @Transactional
    public Category createCategory(Actor actor, String slug, String name, String description, int intervalMonths,
            BigDecimal targetGrade, List<String> specialties) {
        requireEditor(actor);
        requireNewSlug(slug, categories.findBySlug(slug).isPresent());
        return guarded(() -> {
            Category category = new Category(slug, requireName(name), description, intervalMonths, clock.instant());
            category.aimAtGrade(targetGrade);
            category.needSpecialties(checkedSpecialties(specialties));
            categories.persist(category);
            audit.record(actor, CatalogAction.CREATE_CATEGORY, AuditSubject.CATEGORY, slug,
                    CatalogAudit.CategoryState.of(category).created());
            return category;
        });
    }

    /** Changes a category; {@code specialties} null keeps the ones it needs. */
    @Transactional
    public Category updateCategory(Actor actor, String slug, long version, String name, String description,
            int intervalMonths, BigDecimal targetGrade, List<String> specialties) {
        requireEditor(actor);
        Category category = category(slug);
        Refusal.requireVersion("category", category.version(), version);
        CatalogAudit.CategoryState before = CatalogAudit.CategoryState.of(category);
        return guarded(() -> {
            category.update(requireName(name), description, intervalMonths);
            category.aimAtGrade(targetGrade);
            if (specialties != null) {
                category.needSpecialties(checkedSpecialties(specialties));
            }
            String changes = before.changesTo(CatalogAudit.CategoryState.of(category));
            if (!changes.isEmpty()) {
                audit.record(actor, CatalogAction.UPDATE_CATEGORY, AuditSubject.CATEGORY, slug, changes);
            }
            return category;
        });
    }

    @Transactional
    public Tag createTag(Actor actor, String slug, String name) {
        requireEditor(actor);
        requireNewSlug(slug, tags.findBySlug(slug).isPresent());
        return guarded(() -> {
            Tag tag = new Tag(slug, requireName(name), clock.instant());
            tags.persist(tag);
            audit.record(actor, CatalogAction.CREATE_TAG, AuditSubject.TAG, slug, "name: '" + tag.name() + "'");
            return tag;
        });
    }

    @Transactional
    public Tag updateTag(Actor actor, String slug, long version, String name) {
        requireEditor(actor);
        Tag tag = tag(slug);
        Refusal.requireVersion("tag", tag.version(), version);
        String before = tag.name();
        tag.rename(requireName(name));
        if (!before.equals(tag.name())) {
            audit.record(actor, CatalogAction.RENAME_TAG, AuditSubject.TAG, slug,
                    "name: '" + before + "' -> '" + tag.name() + "'");
        }
        return tag;
    }

    @Transactional
    public Profile createProfile(Actor actor, String slug, ProfileDetails details) {
        requireEditor(actor);
        requireNewSlug(slug, profiles.findBySlug(slug).isPresent());
        checkDetails(details);
        checkKeycloakUser(details, null);
        return guarded(() -> {
            Profile profile = new Profile(slug, details, clock.instant());
            profiles.persist(profile);
            audit.record(actor, CatalogAction.CREATE_PROFILE, AuditSubject.PROFILE, slug,
                    CatalogAudit.profileCreated(details));
            return profile;
        });
    }

    @Transactional
    public Profile updateProfile(Actor actor, String slug, long version, ProfileDetails details) {
        requireEditor(actor);
        Profile profile = profile(slug);
        Refusal.requireVersion("profile", profile.version(), version);
        checkDetails(details);
        checkKeycloakUser(details, profile);
        ProfileDetails before = CatalogAudit.detailsOf(profile);
        return guarded(() -> {
            profile.update(details);
            audit.profileChanged(actor, slug, before, CatalogAudit.detailsOf(profile));
            return profile;
        });
    }

    /** Deletes a category that no revision uses; one in use is kept and the refusal says why. */
    @Transactional
    public void deleteCategory(Actor actor, String slug) {
        delete(actor, categories, () -> category(slug), "Category '" + slug + "'");
        audit.record(actor, CatalogAction.DELETE_CATEGORY, AuditSubject.CATEGORY, slug, null);
    }

    @Transactional
    public void deleteTag(Actor actor, String slug) {
        delete(actor, tags, () -> tag(slug), "Tag '" + slug + "'");
        audit.record(actor, CatalogAction.DELETE_TAG, AuditSubject.TAG, slug, null);
    }

    @Transactional
    public void deleteProfile(Actor actor, String slug) {
        delete(actor, profiles, () -> profile(slug), "Profile '" + slug + "'");
        audit.record(actor, CatalogAction.DELETE_PROFILE, AuditSubject.PROFILE, slug, null);
    }

    private <T> void delete(Actor actor, PanacheRepository<T> repository, Supplier<T> finder, String what) {
        requireEditor(actor);
        T entity = finder.get();
        try {
            repository.delete(entity);
            repository.flush();
        } catch (PersistenceException e) {
            throw Refusal.conflict(what + " is used by article revisions and cannot be deleted");
        }
    }

    private void checkKeycloakUser(ProfileDetails details, Profile current) {
        if (details.keycloakUser() == null) {
            return;
        }
        profiles.findByKeycloakUser(details.keycloakUser()).filter(other -> other != current).ifPresent(other -> {
            throw Refusal.invalid(Map.of("keycloakUser",
                    "user '" + details.keycloakUser() + "' is already linked to profile '" + other.slug() + "'"));
        });
    }
}
