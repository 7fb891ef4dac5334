package health.cms.delivery;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import health.cms.workflow.testing.ArticleDoor;

/** Invariant 5 for the read-only delivery API: it never calls a mutator of an article. */
class ArticleDoorTest {

    @Test
    void nothingInTheDeliveryApiCallsAMutatorOfAnArticle() {
        ArticleDoor.onlyTheWorkflowChangesArticles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("health.cms.delivery"));
    }
}
