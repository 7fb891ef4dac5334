package health.cms.core.publication;

import java.util.regex.Pattern;

/**
 * The api's database roles, as an operator's administrator creates them (README, "Database roles"): the login-less
 * {@code cms_delivery} (migration V17 grants it the read model) and {@code cms_preview} (V20 grants it what the
 * preview API reads), each with a login that is a member of it and of nothing else. The migrations grant these
 * roles but may not be allowed to create them, so whoever prepares a database (the local stack, the api's tests)
 * creates them first.
 */
public final class ApiRoles {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private ApiRoles() {
    }

    /** One statement that creates the roles and logins that do not exist yet (roles belong to the whole server). */
    public static String createMissing(String deliveryLogin, String deliveryPassword, String previewLogin,
            String previewPassword) {
        for (String login : new String[]{deliveryLogin, previewLogin}) {
            if (!IDENTIFIER.matcher(login).matches()) {
                throw new IllegalArgumentException("not a plain role name: " + login);
            }
        }
        for (String password : new String[]{deliveryPassword, previewPassword}) {
            if (!PASSWORD.matcher(password).matches()) {
                throw new IllegalArgumentException("a password here is letters, digits, '_', '.' and '-'");
            }
        }
        return """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_delivery') THEN
                    CREATE ROLE cms_delivery NOLOGIN;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN PASSWORD '%2$s' IN ROLE cms_delivery;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_preview') THEN
                    CREATE ROLE cms_preview NOLOGIN;
                  END IF;
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%3$s') THEN
                    CREATE ROLE %3$s LOGIN PASSWORD '%4$s' IN ROLE cms_preview;
                  END IF;
                END $$""".formatted(deliveryLogin, deliveryPassword, previewLogin, previewPassword);
    }
}
