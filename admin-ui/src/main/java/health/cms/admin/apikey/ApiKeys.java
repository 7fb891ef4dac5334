package health.cms.admin.apikey;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import health.cms.core.apikey.ApiKey;
import health.cms.core.apikey.ApiKeyRepository;
import health.cms.core.apikey.ApiKeyScope;
import health.cms.core.apikey.ApiKeySecret;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.Actor;
import health.cms.workflow.Role;

/**
 * Editors issue, rotate and revoke the API keys of downstream sites, for the desk and the management API. Each
 * change is audited and announced on {@link ApiKey#CHANGED_CHANNEL}, so every api replica stops accepting an old key at once.
 */
@ApplicationScoped
@Transactional
public class ApiKeys {

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final EntityManager entities;
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, AuditLog audit, EntityManager entities, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.entities = entities;
        this.clock = clock;
    }

    /** Working keys first, then revoked ones, each newest first. */
    public List<ApiKeyView> list(Actor actor, int offset, int limit) {
        requireEditor(actor);
        return keys.listForDesk(offset, limit).stream().map(ApiKeyView::of).toList();
    }

    public ApiKeyView get(Actor actor, long id) {
        requireEditor(actor);
        return ApiKeyView.of(find(id));
    }

    /** A new key, whose secret is in the answer this once. */
    public IssuedApiKey create(Actor actor, ApiKeyInput input) {
        requireEditor(actor);
        String name = input.name() == null ? "" : input.name().strip();
        ApiKeyScope scope = validScope(input.scope());
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty()) {
            errors.put("name", "Name the site or team that will use this key");
        } else if (name.length() > ApiKey.MAX_NAME) {
            errors.put("name", "At most " + ApiKey.MAX_NAME + " characters");
        }
        if (scope == null) {
            errors.put("scope", "Choose delivery or preview");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(name, scope, secret, actor.username(), clock.instant());
        keys.persist(key);
        keys.flush();
        changed(actor, ApiKeyAction.CREATE_API_KEY, key, "name: '" + name + "'; scope: " + scope.value());
        return new IssuedApiKey(ApiKeyView.of(key), secret.key());
    }

    /** A new secret for the key, shown this once; the old secret is refused from now on. */
    public IssuedApiKey rotate(Actor actor, long id, long expectedVersion) {
        requireEditor(actor);
        ApiKey key = find(id);
        checkVersion(key, expectedVersion);
        ApiKeySecret secret = ApiKeySecret.generate();
        key.rotate(secret, clock.instant());
        keys.flush();
        changed(actor, ApiKeyAction.ROTATE_API_KEY, key, "new prefix: " + secret.prefix());
        return new IssuedApiKey(ApiKeyView.of(key), secret.key());
    }

    /** Ends the key for good; it stays listed with its usage. */
    public ApiKeyView revoke(Actor actor, long id, long expectedVersion) {
        requireEditor(actor);
        ApiKey key = find(id);
        checkVersion(key, expectedVersion);
        key.revoke(actor.username(), clock.instant());
        keys.flush();
        changed(actor, ApiKeyAction.REVOKE_API_KEY, key, null);
        return ApiKeyView.of(key);
    }

    private void changed(Actor actor, ApiKeyAction action, ApiKey key, String comment) {
        audit.append(AuditLog.Entry.about(AuditSubject.API_KEY, key.id().toString(), clock.instant(), actor.username(),
                action.value(), comment));
        entities.createNativeQuery("SELECT pg_notify(:channel, '')").setParameter("channel", ApiKey.CHANGED_CHANNEL)
                .getSingleResult();
    }

    private ApiKey find(long id) {
        ApiKey key = keys.findById(id);
        if (key == null) {
            throw Refusal.notFound("API key " + id);
        }
        return key;
    }

    private static void checkVersion(ApiKey key, long expected) {
        Refusal.requireVersion("API key", key.version(), expected);
    }

    private static ApiKeyScope validScope(String value) {
        for (ApiKeyScope scope : ApiKeyScope.values()) {
            if (scope.value().equals(value)) {
                return scope;
            }
        }
        return null;
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.EDITOR)) {
            throw Refusal.forbidden("Managing API keys needs the editor role");
        }
    }
}
