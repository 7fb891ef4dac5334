package health.cms.core.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production build of either app whose database credentials, client secret or CSRF key are
 * missing or a value this repository publishes (the local stack's {@code cms} password, the realm's local client
 * secret, the local audit key),
 * naming the variable to set.
 */
@IfBuildProfile("prod")
@ApplicationScoped
public class ProductionSecrets {

    /** Published with the CMS (local stack, docker compose, tests), so anyone can try them. */
    static final Set<String> PUBLISHED = Set.of("cms", "cms_api", "cms-admin-ui-local-secret", "secret",
            "local-stack-audit-key-not-for-production", "local-preview-link-key-not-for-production");

    /** Settings only an instance that logs users in (the desk) has. */
    static final List<String> LOGIN_ONLY = List.of("quarkus.oidc.", "cms.csrf.");

    /** Every setting that holds a secret, by the variable an operator sets; required ones may not be missing. */
    static final List<Setting> SETTINGS = List.of(
            new Setting("quarkus.datasource.username", "CMS_DB_USER", Need.REQUIRED),
            new Setting("quarkus.datasource.password", "CMS_DB_PASSWORD", Need.REQUIRED_SECRET),
            // the api's read replica; defaults to CMS_DB_PASSWORD, which is checked above
            new Setting("quarkus.datasource.read.password", "CMS_DB_READ_PASSWORD", Need.SECRET),
            // the desk's login; the session cookies are encrypted with a key derived from it, too
            new Setting("quarkus.oidc.credentials.secret", "CMS_OIDC_CLIENT_SECRET", Need.REQUIRED_SECRET),
            // signs the desk's session-bound CSRF tokens; every desk instance needs the same one
            new Setting("cms.csrf.key", "CMS_CSRF_KEY", Need.REQUIRED_SECRET),
            // seals the desk's audit checkpoints, so whoever knows it can forge them; the desk's prod profile has no
            // default for it (a missing one stops the start there), and the api never reads it
            new Setting("cms.audit.key", "CMS_AUDIT_KEY", Need.SECRET),
            // signs the share links to working revisions (admin-ui) and checks them (api): whoever knows it can open any draft
            new Setting("cms.preview.link-key", "CMS_PREVIEW_LINK_KEY", Need.SECRET));

    void refuseDefaults(@Observes StartupEvent event, Config config) {
        List<String> refusals = refusals(name -> config.getOptionalValue(name, String.class),
                config.getOptionalValue("cms.local-stack", Boolean.class).orElse(false));
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", refusals));
        }
    }

    /** What is wrong with the settings, one sentence each; the local stack may use the published values. */
    static List<String> refusals(Function<String, Optional<String>> config, boolean localStack) {
        List<String> refusals = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            if (LOGIN_ONLY.stream().anyMatch(setting.property()::startsWith) && !logsUsersIn(config)) {
                continue; // no login on this instance (the api, or a desk started without): no client secret, no desk form
            }
            Optional<String> value = config.apply(setting.property()).filter(v -> !v.isBlank());
            if (setting.property().equals("quarkus.datasource.read.password")
                    && value.equals(config.apply("quarkus.datasource.password"))) {
                continue; // the replica uses the primary's password, already checked
            }
            if (value.isEmpty() && setting.need() != Need.SECRET) {
                refusals.add(setting.variable() + " (" + setting.property() + ") is not set");
            } else if (value.isPresent() && setting.need() != Need.REQUIRED && !localStack
                    && PUBLISHED.contains(value.get().strip())) {
                refusals.add(setting.variable() + " (" + setting.property() + ") is '" + value.get().strip()
                        + "', a value published with the CMS: set one of your own");
            }
        }
        return refusals;
    }

    private static boolean logsUsersIn(Function<String, Optional<String>> config) {
        return config.apply("quarkus.oidc.auth-server-url").isPresent()
                && config.apply("quarkus.oidc.tenant-enabled").map(Boolean::parseBoolean).orElse(true);
    }

    /** A setting the check reads: its property, the variable that sets it, and what it needs. */
    record Setting(String property, String variable, Need need) {
    }

    /** Must be set, may not be a published value, or both. */
    enum Need {
        REQUIRED, SECRET, REQUIRED_SECRET
    }
}
