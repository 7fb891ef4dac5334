package health.cms.core.publication;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiRolesTest {

    @Test
    void eachLoginIsAMemberOfItsOwnRoleOnly() {
        String sql = ApiRoles.createMissing("api_login", "secret-1", "preview_login", "secret-2");
        assertTrue(sql.contains("CREATE ROLE api_login LOGIN PASSWORD 'secret-1' IN ROLE cms_delivery;"), sql);
        assertTrue(sql.contains("CREATE ROLE preview_login LOGIN PASSWORD 'secret-2' IN ROLE cms_preview;"), sql);
    }

    @Test
    void namesAndPasswordsThatCouldEndTheStatementAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ApiRoles.createMissing("api; DROP TABLE article", "x", "preview", "y"));
        assertThrows(IllegalArgumentException.class, () -> ApiRoles.createMissing("api", "x'; --", "preview", "y"));
    }
}
