package health.cms.admin.catalog;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.Forms;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;

/** An author or reviewer profile as the editor's form posts it. */
public class ProfileForm {

    @RestForm
    public String slug;
    @RestForm
    public String displayName;
    @RestForm
    public String credentials;
    @RestForm
    public String bio;
    @RestForm
    public String website;
    @RestForm
    public String avatarUrl;
    /** Comma-separated. */
    @RestForm
    public String specialties;
    @RestForm
    public String keycloakUser;
    @RestForm
    public boolean author;
    @RestForm
    public boolean reviewer;
    @RestForm
    public Long version;

    static ProfileForm of(Profile p) {
        ProfileForm form = new ProfileForm();
        form.slug = p.slug();
        form.displayName = p.displayName();
        form.credentials = p.credentials();
        form.bio = p.bio();
        form.website = p.website();
        form.avatarUrl = p.avatarUrl();
        form.specialties = String.join(", ", p.specialties());
        form.keycloakUser = p.keycloakUser();
        form.author = p.isAuthor();
        form.reviewer = p.isReviewer();
        form.version = p.version();
        return form;
    }

    /** The details as typed; the catalog service checks them. */
    ProfileDetails toDetails() {
        return new ProfileDetails(displayName == null ? null : displayName.strip(), text(credentials),
                text(bio), text(website), text(avatarUrl),
                specialties == null ? null : CatalogChecks.commaSeparated(specialties),
                text(keycloakUser), author, reviewer);
    }

    private static String text(String value) {
        String given = Forms.blankToNull(value);
        return given == null ? null : given.strip();
    }
}
