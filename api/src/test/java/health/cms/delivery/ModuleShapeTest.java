package health.cms.delivery;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import health.cms.core.testing.ModuleRules.Module;

/** The api module's shape: no package cycles, and it uses only the modules below it. */
class ModuleShapeTest {

    @TestFactory
    Stream<DynamicTest> hasNoPackageCyclesAndPointsOneWay() {
        return Module.API.shapeTests();
    }
}
