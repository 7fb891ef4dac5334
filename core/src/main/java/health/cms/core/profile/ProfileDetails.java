package health.cms.core.profile;

import java.util.List;

/** The editable fields of a profile. */
public record ProfileDetails(
        String displayName,
        String credentials,
        String bio,
        String website,
        String avatarUrl,
        List<String> specialties,
        String keycloakUser,
        boolean author,
        boolean reviewer) {

    public ProfileDetails {
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
    }
}
