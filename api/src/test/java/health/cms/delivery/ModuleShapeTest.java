package health.cms.delivery;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.ModuleRules;
import health.cms.core.testing.ModuleRules.Module;

/** The api module's shape: no package cycles, and it uses only the modules below it. */
class ModuleShapeTest {

    @Test
    void hasNoPackageCycles() {
        ModuleRules.noPackageCycles().check(Module.API.mainClasses());
    }

    @Test
    void pointsOneWay() {
        Module.API.pointsOneWay().check(Module.API.mainClasses());
    }
}
