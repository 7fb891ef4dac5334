package health.cms.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import health.cms.outside.SneakyPublisher;
import health.cms.workflow.testing.ArticleDoor;

/** The door rule (only the workflow changes an article) really catches a stray call; the module's shape is in ModuleShapeTest. */
class ArchitectureTest {

    private static final JavaClasses CORE_AND_WORKFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // core's test-jar (its tests and testing helpers) is on this module's test classpath
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/testing/"))
            .importPackages("health.cms.core", "health.cms.workflow");

    @Test
    void theDoorRuleKnowsEveryMutatorOfAnArticle() {
        assertTrue(ArticleDoor.mutators().containsAll(Set.of("moveTo", "submitForReview", "startWorkingOn", "goLive",
                "takeOffline", "markReviewed", "touch", "assignReviewer", "renameSlug")), ArticleDoor.mutators().toString());
        assertFalse(ArticleDoor.mutators().contains("status"), "accessors are not mutators");
    }

    @Test
    void theDoorRuleCatchesACallFromOutsideTheWorkflow() {
        JavaClasses outsider = new ClassFileImporter().importClasses(SneakyPublisher.class);
        var result = ArticleDoor.onlyTheWorkflowChangesArticles().evaluate(outsider);
        assertTrue(result.hasViolation());
        assertEquals(1, result.getFailureReport().getDetails().size(), result.getFailureReport().toString());
    }

    @Test
    void theWorkflowItselfMayChangeArticles() {
        ArticleDoor.onlyTheWorkflowChangesArticles().allowEmptyShould(true).check(CORE_AND_WORKFLOW);
    }
}
