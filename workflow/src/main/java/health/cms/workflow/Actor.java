package health.cms.workflow;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is acting: a user name and the roles their token carries. */
public record Actor(String username, Set<Role> roles) {

    public static final Actor SCHEDULER = new Actor("scheduler", EnumSet.of(Role.SYSTEM));

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    }

    /** Builds an actor from role names, ignoring names that are not workflow roles. */
    public static Actor of(String username, Set<String> roleNames) {
        return new Actor(username, roleNames.stream()
                .flatMap(name -> Role.fromValue(name).stream())
                .collect(Collectors.toSet()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
