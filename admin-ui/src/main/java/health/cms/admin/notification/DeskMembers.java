package health.cms.admin.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.notification.DeskMemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Remembers each person of the desk as their token describes them (name, e-mail, realm roles): the workflow
 * tells editors by their role, and mails go to these addresses. A description this instance already stored is
 * not written again, so a page view writes only after a change at the identity provider.
 */
@ApplicationScoped
public class DeskMembers {

    private final DeskMemberRepository members;
    private final Clock clock;
    private final Map<String, Description> stored = new ConcurrentHashMap<>();

    DeskMembers(DeskMemberRepository members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    /** What the identity provider says about one person. */
    public record Description(String displayName, String email, List<String> roles) {
    }

    /** Stores the description unless this instance stored the same one already. */
    public void seen(String username, Description description) {
        if (description.equals(stored.get(username))) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> members.describe(username, description.displayName(),
                description.email(), description.roles(), clock.instant()));
        stored.put(username, description);
    }
}
