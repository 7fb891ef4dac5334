package health.cms.admin;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.ModuleRules;
import health.cms.core.testing.ModuleRules.Module;

/** The admin-ui module's shape: no package cycles, and it uses only the modules below it. */
class ModuleShapeTest {

    @Test
    void hasNoPackageCycles() {
        ModuleRules.noPackageCycles().check(Module.ADMIN_UI.mainClasses());
    }

    @Test
    void pointsOneWay() {
        Module.ADMIN_UI.pointsOneWay().check(Module.ADMIN_UI.mainClasses());
    }
}
