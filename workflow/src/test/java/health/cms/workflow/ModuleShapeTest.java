package health.cms.workflow;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.ModuleRules;
import health.cms.core.testing.ModuleRules.Module;

/** The workflow module's shape: no package cycles, and it uses only the modules below it. */
class ModuleShapeTest {

    @Test
    void hasNoPackageCycles() {
        ModuleRules.noPackageCycles().check(Module.WORKFLOW.mainClasses());
    }

    @Test
    void pointsOneWay() {
        Module.WORKFLOW.pointsOneWay().check(Module.WORKFLOW.mainClasses());
    }
}
