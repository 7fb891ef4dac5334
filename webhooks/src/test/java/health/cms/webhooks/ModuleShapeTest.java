package health.cms.webhooks;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.ModuleRules;
import health.cms.core.testing.ModuleRules.Module;

/** The webhooks module's shape: no package cycles, and it uses only the modules below it. */
class ModuleShapeTest {

    @Test
    void hasNoPackageCycles() {
        ModuleRules.noPackageCycles().check(Module.WEBHOOKS.mainClasses());
    }

    @Test
    void pointsOneWay() {
        Module.WEBHOOKS.pointsOneWay().check(Module.WEBHOOKS.mainClasses());
    }
}
