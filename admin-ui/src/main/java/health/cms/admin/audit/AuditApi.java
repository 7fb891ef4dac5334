package health.cms.admin.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.core.audit.AuditCheckpoints;
import health.cms.core.audit.AuditLog;

/** Verifies the hash chain of the whole audit trail and its keyed checkpoints. */
@ManagementApi
@Path("/manage/v1/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
public class AuditApi {

    @Inject
    AuditLog audit;
    @Inject
    AuditCheckpoints checkpoints;

    /**
     * The chain's state: intact, or the first event whose hash, link or checkpoint is wrong; and its head, the
     * newest checkpoint, for monitoring to keep outside the database (a tail cut off together with its
     * checkpoints shows only against such a record).
     */
    public record VerificationView(boolean intact, long eventsChecked, Long firstBrokenEventId, String reason,
            HeadView head) {
    }

    /** The newest checkpoint: which event it anchors, as which of the chain, and its seal. */
    public record HeadView(long checkpoint, long eventId, long eventCount, String mac) {
    }

    @GET
    @RolesAllowed({DeskRoles.EDITOR, DeskRoles.MEDICAL_REVIEWER})
    public VerificationView verify() {
        AuditLog.Verification result = audit.verify();
        HeadView head = checkpoints.latest()
                .map(latest -> new HeadView(latest.id(), latest.eventId(), latest.eventCount(), latest.mac())).orElse(null);
        return new VerificationView(result.intact(), result.eventsChecked(), result.firstBrokenEventId().orElse(null),
                result.reason(), head);
    }
}
