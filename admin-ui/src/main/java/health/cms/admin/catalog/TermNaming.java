package health.cms.admin.catalog;

import static health.cms.admin.catalog.CatalogChecks.requireEditor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import health.cms.admin.web.Forms;
import health.cms.core.audit.AuditSubject;
import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.core.taxonomy.LocalName;
import health.cms.core.taxonomy.Term;
import health.cms.workflow.Actor;
import health.cms.workflow.publication.PublicationProjector;

/** Editors naming categories and tags in the other configured locales, version-checked like the terms themselves. */
@ApplicationScoped
public class TermNaming {

    /**
     * The kinds of term with names per locale, by the desk's address for them, and all that differs between
     * them: how one is found, where its local names live, how it is audited and whom the projector tells.
     */
    public enum Kind {

        // @formatter:off
        CATEGORY("categories", "category", "category_name", "category_id", CatalogAction.NAME_CATEGORY,
                AuditSubject.CATEGORY, DeskCatalog::category, PublicationProjector::categoryNamesChanged),
        TAG     ("tags",       "tag",      "tag_name",      "tag_id",      CatalogAction.NAME_TAG,
                AuditSubject.TAG,      DeskCatalog::tag,      PublicationProjector::tagNamesChanged);
        // @formatter:on

        private final String path;
        private final String label;
        private final String table;
        private final String idColumn;
        private final CatalogAction action;
        private final AuditSubject subject;
        private final BiFunction<DeskCatalog, String, Term> find;
        private final NamesChanged namesChanged;

        Kind(String path, String label, String table, String idColumn, CatalogAction action, AuditSubject subject,
                BiFunction<DeskCatalog, String, Term> find, NamesChanged namesChanged) {
            this.path = path;
            this.label = label;
            this.table = table;
            this.idColumn = idColumn;
            this.action = action;
            this.subject = subject;
            this.find = find;
            this.namesChanged = namesChanged;
        }

        /** The address segment: {@code categories} or {@code tags}. */
        public String path() {
            return path;
        }

        /** The kind an address names ({@code categories} or {@code tags}). */
        public static Kind ofPath(String path) {
            return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst()
                    .orElseThrow(() -> Refusal.notFound("Catalog list '" + path + "'"));
        }
    }

    /** How the projector hears that a term's names changed in some locales. */
    @FunctionalInterface
    private interface NamesChanged {

        void tell(PublicationProjector projector, String slug, Collection<String> locales, Instant now);
    }

    private final DeskCatalog catalog;
    private final CatalogAudit audit;
    private final Clock clock;
    private final Locales locales;
    private final PublicationProjector projector;
    private final EntityManager entityManager;

    TermNaming(DeskCatalog catalog, CatalogAudit audit, Clock clock, Locales locales, PublicationProjector projector,
            EntityManager entityManager) {
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.locales = locales;
        this.projector = projector;
        this.entityManager = entityManager;
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
    public TermNames names(Kind kind, String slug) {
        return TermNames.of(kind.find.apply(catalog, slug));
    }

    /** The locales a category or tag can be named in: every configured one but the default. */
    public List<String> otherLocales() {
        return locales.available().stream().filter(locale -> !locale.equals(locales.defaultLocale())).toList();
    }

    /**
     * Names a category or tag in the other locales, version-checked, and audits what changed; live translations in
     * a changed locale are served the new names at once (re-projected in this transaction).
     */
    @Transactional
    public void name(Actor actor, Kind kind, String slug, long version, List<LocalNameInput> names) {
        requireEditor(actor);
        Term term = kind.find.apply(catalog, slug);
        Refusal.requireVersion(kind.label, term.version(), version);
        Map<String, LocalName> wanted = checked(kind, term, names);
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
            audit.record(actor, kind.action, kind.subject, term.slug(), String.join("; ", changes));
            kind.namesChanged.tell(projector, slug, changed, clock.instant());
        }
    }

    /** The names wanted per locale (null: remove the locale's name), or a refusal listing every field at fault. */
    private Map<String, LocalName> checked(Kind kind, Term term, List<LocalNameInput> names) {
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
                } else if (slugTaken(kind, term.id(), locale, localSlug)) {
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
        return wanted;
    }

    private boolean slugTaken(Kind kind, long id, String locale, String slug) {
        // table and column are constants of Kind, never user input
        return !entityManager.createNativeQuery("SELECT 1 FROM " + kind.table + " WHERE locale = :locale"
                + " AND slug = :slug AND " + kind.idColumn + " <> :id").setParameter("locale", locale)
                .setParameter("slug", slug).setParameter("id", id).getResultList().isEmpty();
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
