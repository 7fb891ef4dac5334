package health.cms.core;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.ModuleRules;
import health.cms.core.testing.ModuleRules.Module;

/** The core module's shape: no package cycles, and it uses only the modules below it. */
class ModuleShapeTest {

    @Test
    void hasNoPackageCycles() {
        ModuleRules.noPackageCycles().check(Module.CORE.mainClasses());
    }

    @Test
    void pointsOneWay() {
        Module.CORE.pointsOneWay().check(Module.CORE.mainClasses());
    }
}
