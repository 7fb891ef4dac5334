package health.cms.admin;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import health.cms.workflow.testing.ArticleDoor;

/** Invariant 5 for the desk, the management API, the importer and the webhooks: no change to an article bypasses the workflow. */
class ArticleDoorTest {

    @Test
    void nothingInTheAdminAppCallsAMutatorOfAnArticle() {
        ArticleDoor.onlyTheWorkflowChangesArticles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("health.cms.admin"));
    }
}
