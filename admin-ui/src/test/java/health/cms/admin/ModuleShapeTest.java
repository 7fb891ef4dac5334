package health.cms.admin;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import health.cms.core.testing.ModuleRules.Module;

/** The admin-ui module's shape: no package cycles, it uses only the modules below it, and no overlong source file. */
class ModuleShapeTest {

    @TestFactory
    Stream<DynamicTest> keepsItsShape() {
        return Module.ADMIN_UI.shapeTests();
    }
}
