package health.cms.workflow;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The vocabulary of the audit trail: the transitions of {@link EditorialAction} and the changes of
 * {@link DraftingAction} that keep the state. Each value is stored as written, and the audit chain
 * hashes it, so a value never changes once released.
 */
public sealed interface AuditedAction permits EditorialAction, DraftingAction {

    /** The value stored in the audit trail, e.g. {@code submit}. */
    String value();

    /** The action an audit event records, if it is one this version knows. */
    static Optional<AuditedAction> fromValue(String value) {
        return Stream.concat(Stream.of(EditorialAction.values()), Stream.of(DraftingAction.values()))
                .map(AuditedAction.class::cast).filter(action -> action.value().equals(value)).findFirst();
    }
}
