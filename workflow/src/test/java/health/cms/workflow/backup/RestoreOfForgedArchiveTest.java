package health.cms.workflow.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import health.cms.core.backup.BackupException;
import health.cms.core.testing.Archives;

/**
 * A restore of an edited archive is refused and writes nothing: without the backup key the signature breaks, and
 * with it (signed again) the workflow's rules on the copied rows still catch the edit.
 */
class RestoreOfForgedArchiveTest {

    @RegisterExtension
    static final SampleArchive sample = new SampleArchive();

    @Test
    void rollsBackWhenASignedSearchTitleWasEditedInTheArchive() {
        // What readers see in a search result is signed with the text: a promise added later ("cured in a day")
        // cannot ride in on an archive signed again by the holder of the backup key.
        BackupException refused = sample.assertResignedEditRefused("tables/revision.jsonl",
                rows -> rows.replace(SampleContent.META_TITLE, "Asthma: cured in a day"), "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'asthma'"), refused.getMessage());
    }

    @Test
    void rollsBackWhenASignedImageCaptionWasEditedInTheArchive() {
        // An image's caption is signed with the text: it cannot be changed in the archive either.
        BackupException refused = sample.assertResignedEditRefused("tables/revision_image.jsonl",
                rows -> rows.replace(SampleContent.POLLEN_CAPTION, "Tree pollen, magnified"),
                "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'hay-fever'"), refused.getMessage());
    }

    @Test
    void rollsBackWhenAReferencesYearWasEditedInTheArchive() {
        BackupException refused = sample.assertResignedEditRefused("tables/revision_reference.jsonl",
                rows -> rows.replace("\"year\":2020", "\"year\":2024"), "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'asthma'"), refused.getMessage());
    }

    @Test
    void rollsBackWhenTheArchivedAuditTrailDoesNotVerify() {
        // Even someone holding the backup key, who edits an event and signs the archive again, cannot pass the hash chain.
        BackupException refused = sample.assertResignedEditRefused("tables/audit_event.jsonl",
                rows -> rows.replace("\"actor\":\"reviewer1\"", "\"actor\":\"editor1\""),
                "The audit trail in the archive does not verify");
        assertTrue(refused.getMessage().contains("event 2 was altered"), refused.getMessage());
    }

    @Test
    void rollsBackWhenARevisionsTextNoLongerMatchesItsContentHash() {
        BackupException refused = sample.assertResignedEditRefused("tables/revision.jsonl",
                rows -> rows.replace("Wheezing", "Sneezing"), "no longer matches its content hash");
        assertTrue(refused.getMessage().contains("revision 1 of 'asthma'"), refused.getMessage());
    }

    @Test
    void rollsBackWhenALiveRevisionHasNoSignOffOfItsExactText() {
        BackupException refused = sample.assertResignedEditRefused("tables/sign_off.jsonl",
                rows -> rows.replaceAll("\"content_hash\":\"[0-9a-f]{64}\"", "\"content_hash\":\"" + "0".repeat(64) + "\""),
                "no medical sign-off of their exact live text");
        assertTrue(refused.getMessage().contains("'asthma' (revision 1)"), refused.getMessage());
    }

    @Test
    void unsignedArchiveIsRefused() {
        String target = SampleContent.migratedDatabase();
        sample.assertRefused(Archives.unsigned(sample.file()), target, "the archive is not signed");
        sample.assertEmpty(target);
    }

    @Test
    void archiveWithRecomputedChecksumButNoValidSignatureIsRefused() {
        Path forged = Archives.forged(sample.file(), "tables/revision.jsonl", rows -> rows.replace("10 mg", "100 mg"));
        String target = SampleContent.migratedDatabase();

        sample.assertRefused(forged, target, "the signature does not match: entries tables/revision.jsonl, manifest.json were "
                + "changed after the archive was signed");
        sample.assertEmpty(target);
    }

    @Test
    void signOffWithAlteredReviewerNameIsRefused() {
        // The name is not part of the content hash: without the key, changing it breaks the signature.
        Path forged = Archives.forged(sample.file(), "tables/sign_off.jsonl",
                rows -> rows.replace("\"reviewer_name\":\"Rita Reviewer\"", "\"reviewer_name\":\"Prof. Famous\""));
        assertTrue(Archives.entry(forged, "tables/sign_off.jsonl").contains("Prof. Famous"));
        String target = SampleContent.migratedDatabase();

        sample.assertRefused(forged, target, "entries tables/sign_off.jsonl, manifest.json were changed");
        sample.assertEmpty(target);
    }

    @Test
    void signOffByAReviewerTheAuditTrailDoesNotRecordIsRefusedEvenWhenSignedAgain() {
        BackupException refused = sample.assertResignedEditRefused("tables/sign_off.jsonl",
                rows -> rows.replace("\"reviewer_user\":\"reviewer1\"", "\"reviewer_user\":\"reviewer2\""),
                "Sign-offs in the archive that its audit trail does not record");
        assertTrue(refused.getMessage().contains("sign-off 1 (approved by reviewer2 at " + SampleContent.SIGNED_AT
                + ", revision 1 of 'asthma')"), refused.getMessage());
    }

    @Test
    void signOffWithAnAlteredTimeIsRefusedEvenWhenSignedAgain() {
        sample.assertResignedEditRefused("tables/sign_off.jsonl",
                rows -> rows.replace(SampleContent.SIGNED_AT.toString(), SampleContent.T0.minusSeconds(86_400).toString()),
                "Sign-offs in the archive that its audit trail does not record");
    }

    @Test
    void publicUpdatedTimeBeforeTheSignOffIsRefused() {
        sample.assertResignedEditRefused("tables/published_article.jsonl",
                rows -> rows.replaceAll("\"updated_at\":\"[^\"]+\"", "\"updated_at\":\"2020-01-01T00:00:00Z\""),
                "The public \"updated\" time of 'asthma' in the archive (2020-01-01T00:00:00Z) is not between the "
                        + "sign-off of its live text");
    }
}
