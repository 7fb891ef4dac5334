package health.cms.workflow;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import health.cms.outside.SneakyPublisher;
import health.cms.workflow.testing.ArticleDoor;

/** The module's shape: no package cycles in core and workflow, and a door rule that really catches a stray call. */
class ArchitectureTest {

    private static final JavaClasses CORE_AND_WORKFLOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // core's test-jar (its tests and testing helpers) is on this module's test classpath
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/testing/"))
            .importPackages("health.cms.core", "health.cms.workflow");

    /** Each package is a slice of its own, so a cycle between a parent package and its child counts too. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package";
        }
    };

    @Test
    void coreAndWorkflowHaveNoPackageCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CORE_AND_WORKFLOW);
    }

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
