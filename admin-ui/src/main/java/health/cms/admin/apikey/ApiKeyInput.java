package health.cms.admin.apikey;

import jakarta.validation.constraints.Size;

/** What an editor sets on a new key: a name saying who uses it, and its scope ({@code delivery} or {@code preview}). */
public record ApiKeyInput(@Size(max = 200) String name, @Size(max = 20) String scope) {
}
