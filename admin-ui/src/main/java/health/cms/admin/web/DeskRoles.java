package health.cms.admin.web;

/**
 * The realm roles that open the desk and the management API, as constants for
 * {@code @RolesAllowed}. Signing in is not enough: the realm may know people who hold none of these
 * (other applications' users), and they are refused everywhere. They equal the workflow's
 * {@code Role} values.
 */
public final class DeskRoles {

    public static final String WRITER = "writer";
    public static final String MEDICAL_REVIEWER = "medical-reviewer";
    public static final String EDITOR = "editor";

    private DeskRoles() {
    }
}
