package health.cms.workflow;

import java.util.Arrays;
import java.util.Optional;

/** The Keycloak realm roles the workflow knows, plus the scheduler acting on its own. */
public enum Role {

    WRITER("writer"), MEDICAL_REVIEWER("medical-reviewer"), EDITOR("editor"),
    /** Not a Keycloak role: the scheduler running a transition that a person planned earlier. */
    SYSTEM("system");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Role> fromValue(String value) {
        return Arrays.stream(values()).filter(r -> r != SYSTEM && r.value.equals(value)).findFirst();
    }
}
