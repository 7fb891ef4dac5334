package health.cms.admin.catalog;

import static health.cms.admin.catalog.CatalogChecks.checkDetails;
import static health.cms.admin.catalog.CatalogChecks.checkedSpecialties;
import static health.cms.admin.catalog.CatalogChecks.guarded;
import static health.cms.admin.catalog.CatalogChecks.requireEditor;
import static health.cms.admin.catalog.CatalogChecks.requireName;
import static health.cms.admin.catalog.CatalogChecks.requireNewSlug;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import health.cms.admin.web.Forms;
import health.cms.core.audit.AuditSubject;
import health.cms.core.locale.Locales;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.LocalName;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.core.taxonomy.Term;
import health.cms.workflow.Actor;
import health.cms.workflow.publication.PublicationProjector;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Editors' management of categories, tags and author/reviewer profiles, version-checked like articles. */
@ApplicationScoped
public class DeskCatalog {

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final ProfileRepository profiles;
    private final CatalogAudit audit;
    private final Clock clock;
    private final Locales locales;
    private final PublicationProjector projector;

    DeskCatalog(CategoryRepository categories, TagRepository tags, ProfileRepository profiles, CatalogAudit audit,
            Clock clock, Locales locales, PublicationProjector projector) {
        this.categories = categories;
        this.tags = tags;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
        this.locales = locales;
        this.projector = projector;
    }

    /** What an editor typed for one locale: a blank name removes the locale's name (the default name serves). */
    public record LocalNameInput(String locale, String name, String slug) {
    }

    /** A category's or tag's default name, its version and its names in the other locales, as they are now. */
    public record TermNames(String name, long version, Map<String, LocalName> localNames) {

        static TermNames of(Term term) {
            return new TermNames(term.name(), term.version(), term.localNames());
        }
    }

    @Transactional
    public TermNames categoryNames(String slug) {
        return TermNames.of(category(slug));
    }

    @Transactional
    public TermNames tagNames(String slug) {
        return TermNames.of(tag(slug));
    }

    /** The locales a category or tag can be named in: every configured one but the default. */
    public List<String> otherLocales() {
        return locales.available().stream().filter(locale -> !locale.equals(locales.defaultLocale())).toList();
    }

    /**
     * Names a category in the other locales; live translations in a changed locale are served the new names at
     * once (re-projected in this transaction).
     */
    @Transactional
    public Category nameCategory(Actor actor, String slug, long version, List<LocalNameInput> names) {
        requireEditor(actor);
        Category category = category(slug);
        Refusal.requireVersion("category", category.version(), version);
        Set<String> changed = name(actor, category, "category_name", "category_id", names);
        if (!changed.isEmpty()) {
            projector.categoryNamesChanged(slug, changed, clock.instant());
        }
        return category;
    }

    /** Names a tag in the other locales, as {@link #nameCategory} does a category. */
    @Transactional
    public Tag nameTag(Actor actor, String slug, long version, List<LocalNameInput> names) {
        requireEditor(actor);
        Tag tag = tag(slug);
        Refusal.requireVersion("tag", tag.version(), version);
        Set<String> changed = name(actor, tag, "tag_name", "tag_id", names);
        if (!changed.isEmpty()) {
            projector.tagNamesChanged(slug, changed, clock.instant());
        }
        return tag;
    }

    /** Checks and applies the names, audits what changed, and returns the locales whose name changed. */
    private Set<String> name(Actor actor, Term term, String table, String idColumn, List<LocalNameInput> names) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, LocalName> wanted = new LinkedHashMap<>();
        List<String> others = otherLocales();
        if (names.size() > others.size()) {
            throw Refusal.invalid(Map.of("names", "at most one name per configured locale (" + others.size() + ")"));
        }
        for (LocalNameInput input : names) {
            String locale = locales.configured(input.locale()).filter(others::contains).orElse(null);
            if (locale == null || wanted.containsKey(locale)) {
                errors.put("names", "'" + shorten(input.locale()) + "' is not one of the other configured locales "
                        + others + ", or is given twice");
                continue;
            }
            String name = Forms.blankToNull(input.name());
            String localSlug = Forms.blankToNull(input.slug());
            if (name == null) {
                if (localSlug != null) {
                    errors.put("name." + locale, "is required with a slug");
                }
                wanted.put(locale, null);
                continue;
            }
            if (name.length() > 200) {
                errors.put("name." + locale, "must be at most 200 characters");
            }
            if (localSlug != null) {
                localSlug = localSlug.strip();
                if (localSlug.length() > 120 || !Slugs.isValid(localSlug)) {
                    errors.put("slug." + locale, "must be lowercase letters, digits and single hyphens (at most 120)");
                } else if (slugTaken(table, idColumn, term.id(), locale, localSlug)) {
                    errors.put("slug." + locale, "'" + localSlug + "' already names another one in " + locale);
                }
            }
            if (!errors.containsKey("name." + locale) && !errors.containsKey("slug." + locale)) {
                wanted.put(locale, new LocalName(name, localSlug));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        List<String> changes = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        wanted.forEach((locale, name) -> {
            LocalName before = term.localName(locale).orElse(null);
            if (!Objects.equals(before, name)) {
                term.nameIn(locale, name);
                changed.add(locale);
                changes.add(locale + ": " + (before == null ? "none" : before) + " -> " + (name == null ? "none" : name));
            }
        });
        if (!changes.isEmpty()) {
            boolean category = term instanceof Category;
            audit.record(actor, category ? CatalogAction.NAME_CATEGORY : CatalogAction.NAME_TAG,
                    category ? AuditSubject.CATEGORY : AuditSubject.TAG, term.slug(), String.join("; ", changes));
        }
        return changed;
    }

    private boolean slugTaken(String table, String idColumn, long id, String locale, String slug) {
        // table and column are constants of this class, never user input
        return !categories.getEntityManager().createNativeQuery("SELECT 1 FROM " + table + " WHERE locale = :locale"
                + " AND slug = :slug AND " + idColumn + " <> :id").setParameter("locale", locale)
                .setParameter("slug", slug).setParameter("id", id).getResultList().isEmpty();
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
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
