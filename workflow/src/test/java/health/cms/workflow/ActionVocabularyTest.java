package health.cms.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The workflow's vocabulary: every action has its desk text, and the audit trail's stored values never change. */
class ActionVocabularyTest {

    /** The values already in audit trails, whose hashes cover them: renaming one would break every chain. */
    private static final List<String> STORED = List.of("submit", "withdraw", "request-changes", "approve",
            "cancel-schedule", "publish-due", "unpublish", "recertify", "create", "edit", "rename-slug", "assign-reviewer",
            "schedule-unpublish", "comment", "reply", "resolve-comment", "reschedule", "translate", "source-changed");

    @Test
    void everyActionHasALabelAnExplanationAndAMessageForWhenItIsDone() {
        for (EditorialAction action : EditorialAction.values()) {
            ActionText text = action.text();
            assertNotNull(text, action + " has no text");
            assertFalse(text.label().isBlank(), action + " has no label");
            assertFalse(text.explanation(false).isBlank(), action + " has no explanation");
            assertFalse(text.explanation(true).isBlank(), action + " has no explanation for a live article");
            assertFalse(text.done().isBlank(), action + " has no message for when it is done");
        }
        Set<String> labels = new HashSet<>();
        for (EditorialAction action : EditorialAction.values()) {
            assertTrue(labels.add(action.text().label()), "two actions share the label " + action.text().label());
        }
    }

    @Test
    void aChangeToALiveArticleIsExplainedAsReplacingTheLiveVersion() {
        assertTrue(EditorialAction.APPROVE.text().explanation(true).startsWith("Replaces the live version"));
        assertEquals("Publishes this revision now, or at the time you set.", EditorialAction.APPROVE.text().explanation(false));
        assertTrue(EditorialAction.UNPUBLISH.text().destructive());
        assertFalse(EditorialAction.SUBMIT.text().destructive());
    }

    @Test
    void theAuditVocabularyIsExactlyTheStoredValuesEachOnce() {
        List<String> values = new ArrayList<>();
        for (EditorialAction action : EditorialAction.values()) {
            values.add(action.value());
        }
        for (DraftingAction action : DraftingAction.values()) {
            values.add(action.value());
        }
        assertEquals(STORED, values);
        for (String value : STORED) {
            assertEquals(value, AuditedAction.fromValue(value).orElseThrow().value());
        }
        assertTrue(AuditedAction.fromValue("fly").isEmpty());
    }

    @Test
    void theScheduledActionCannotBeRequestedByAPerson() {
        assertFalse(EditorialAction.requestable().contains(EditorialAction.PUBLISH_DUE));
        assertEquals(EditorialAction.values().length - 1, EditorialAction.requestable().size());
    }

    @Test
    void onlyRequestingChangesRequiresAComment() {
        for (EditorialAction action : EditorialAction.values()) {
            assertEquals(action == EditorialAction.REQUEST_CHANGES, action.commentRequired(), action.value());
        }
    }
}
