package health.cms.core.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person of the desk as the identity provider last described them (name, e-mail, realm roles), with the way
 * they want to be mailed about their notifications.
 */
@Entity
@Table(name = "desk_member")
public class DeskMember {

    /** How a person's notifications reach their mailbox. */
    public enum MailPreference {

        IMMEDIATELY, DAILY, OFF;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static MailPreference fromValue(String value) {
            return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no mail preference " + value));
        }
    }

    @Id
    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> roles = List.of();

    /** The preference's value, as the table's check names them. */
    @Column(name = "mail_preference", nullable = false)
    private String mailPreference = MailPreference.IMMEDIATELY.value();

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    @Version
    private long version;

    protected DeskMember() {
    }

    public DeskMember(String username, Instant now) {
        this.username = username;
        this.seenAt = now;
    }

    public void prefer(MailPreference preference) {
        this.mailPreference = preference.value();
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName == null ? username : displayName;
    }

    public String email() {
        return email;
    }

    public List<String> roles() {
        return List.copyOf(roles);
    }

    public MailPreference mailPreference() {
        return MailPreference.fromValue(mailPreference);
    }

    public long version() {
        return version;
    }
}
