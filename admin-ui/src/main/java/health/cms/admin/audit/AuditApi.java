package health.cms.admin.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.core.audit.AuditLog;

/** Verifies the hash chain of the whole audit trail. */
@ManagementApi
@Path("/manage/v1/audit/verify")
@Produces(MediaType.APPLICATION_JSON)
public class AuditApi {

    @Inject
    AuditLog audit;

    /** The chain's state: intact, or the first event whose hash or link is wrong. */
    public record VerificationView(boolean intact, long eventsChecked, Long firstBrokenEventId, String reason) {
    }

    @GET
    @RolesAllowed({DeskRoles.EDITOR, DeskRoles.MEDICAL_REVIEWER})
    public VerificationView verify() {
        AuditLog.Verification result = audit.verify();
        return new VerificationView(result.intact(), result.eventsChecked(), result.firstBrokenEventId().orElse(null),
                result.reason());
    }
}
