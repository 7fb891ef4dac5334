package health.cms.workflow;

import static health.cms.core.article.ArticleStatus.DRAFT;
import static health.cms.core.article.ArticleStatus.MEDICAL_REVIEW;
import static health.cms.core.article.ArticleStatus.PUBLISHED;
import static health.cms.core.article.ArticleStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import health.cms.core.article.ArticleStatus;

/** Walks every (state, live, action, role) combination against the table written out by hand below. */
class EditorialActionTest {

    /** Expected: "action@state[+live]:role" for every allowed combination; anything else is refused. */
    private static final Set<String> ALLOWED = Set.of(
            "submit@draft:writer", "submit@draft+live:writer",
            "withdraw@medical-review:writer", "withdraw@medical-review+live:writer",
            "request-changes@medical-review:medical-reviewer", "request-changes@medical-review+live:medical-reviewer",
            "approve@medical-review:medical-reviewer", "approve@medical-review+live:medical-reviewer",
            "cancel-schedule@scheduled:editor", "cancel-schedule@scheduled+live:editor",
            "publish-due@scheduled:system", "publish-due@scheduled+live:system",
            "unpublish@draft+live:editor", "unpublish@medical-review+live:editor",
            "unpublish@scheduled+live:editor", "unpublish@published+live:editor",
            "recertify@draft+live:medical-reviewer", "recertify@medical-review+live:medical-reviewer",
            "recertify@scheduled+live:medical-reviewer", "recertify@published+live:medical-reviewer");

    @Test
    void everyStateActionAndRoleMatchesTheExpectedTable() {
        Set<String> actual = new HashSet<>();
        for (ArticleStatus state : ArticleStatus.values()) {
            for (boolean live : new boolean[]{false, true}) {
                for (EditorialAction action : EditorialAction.values()) {
                    for (Role role : Role.values()) {
                        Actor actor = new Actor("someone", EnumSet.of(role));
                        if (action.allowedFrom(state, live) && action.allowedFor(actor)) {
                            actual.add(action.value() + "@" + state.value() + (live ? "+live" : "") + ":" + role.value());
                        }
                    }
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(ALLOWED), new java.util.TreeSet<>(actual));
    }

    @Test
    void everyTargetStateIsALegalMoveOfTheStatusGraph() {
        for (EditorialAction action : EditorialAction.values()) {
            if (action.to() == null) {
                continue;
            }
            for (ArticleStatus from : action.from()) {
                boolean keepsState = action == EditorialAction.UNPUBLISH && from != PUBLISHED;
                assertTrue(keepsState || from.canMoveTo(action.to()), action + " from " + from);
            }
        }
    }

    @Test
    void buttonsForAUserWithSeveralRolesAreTheUnionOfTheirRoles() {
        Actor both = new Actor("reviewer2", EnumSet.of(Role.WRITER, Role.MEDICAL_REVIEWER));
        assertEquals(EnumSet.of(EditorialAction.WITHDRAW, EditorialAction.REQUEST_CHANGES, EditorialAction.APPROVE),
                EditorialAction.available(MEDICAL_REVIEW, false, both));
        assertEquals(EnumSet.of(EditorialAction.SUBMIT), EditorialAction.available(DRAFT, false, both));
        assertEquals(EnumSet.noneOf(EditorialAction.class), EditorialAction.available(SCHEDULED, false, both));
    }

    @Test
    void theSchedulerActionIsNeverOfferedAsAButton() {
        Actor everyone = new Actor("all", EnumSet.allOf(Role.class));
        assertTrue(EditorialAction.available(SCHEDULED, true, everyone).stream()
                .noneMatch(a -> a == EditorialAction.PUBLISH_DUE));
    }
}
