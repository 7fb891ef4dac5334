package health.cms.delivery.stray;

import health.cms.admin.web.DeskRoles;

/** A delivery class that reaches into the desk: the module rule must catch it (see ModuleRulesTest). */
public final class StrayDeskCall {

    public static String deskClass() {
        return DeskRoles.class.getName();
    }
}
