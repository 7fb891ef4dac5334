package health.cms.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

import health.cms.core.testing.ModuleRules.Module;
import health.cms.delivery.stray.StrayDeskCall;

/** The module rule is not vacuous: an api class that uses the desk is a violation. */
class ModuleRulesTest {

    @Test
    void anApiClassThatUsesTheDeskBreaksTheRule() {
        var result = Module.API.pointsOneWay().evaluate(new ClassFileImporter().importClasses(StrayDeskCall.class));
        assertTrue(result.hasViolation(), result.getFailureReport().toString());
    }
}
