package health.cms.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import health.cms.core.url.HttpUrls;

/**
 * Keeps webhook targets on the public internet (SSRF guard): a target URL must be http or https, and
 * every address its host resolves to must be public unless {@code cms.webhooks.allow-private-targets}
 * is set. Checked when a subscription is saved and again before every attempt, since DNS can change;
 * an attempt connects to an address of the very lookup that was checked (see {@link Target}).
 */
@ApplicationScoped
public class TargetGuard {

    /**
     * A checked target: the URL (its host still names the receiver, for the Host header and TLS) and the
     * address to connect to, taken from the lookup that was checked.
     */
    public record Target(URI uri, InetAddress address) {

        public boolean https() {
            return uri.getScheme().equalsIgnoreCase("https");
        }

        public int port() {
            return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
        }

        /** The host as it goes into the Host header and TLS server name (an IPv6 literal without brackets). */
        public String host() {
            String host = uri.getHost();
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }
    }

    /** The verdict on a URL: a target to send to, or why not (as a field message). */
    public record Checked(Target target, String refusal) {

        static Checked refused(String why) {
            return new Checked(null, why);
        }

        public Optional<String> refused() {
            return Optional.ofNullable(refusal);
        }
    }

    private final boolean allowPrivate;
    private final HostResolver resolver;

    @Inject
    TargetGuard(WebhooksConfig config, HostResolver resolver) {
        this(config.allowPrivateTargets(), resolver);
    }

    TargetGuard(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why this URL may not be a webhook target, or empty when it may. */
    public Optional<String> refusal(String url) {
        return check(url).refused();
    }

    /** Resolves the URL's host once and checks every address of that answer. */
    public Checked check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Checked.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Checked.refused(HttpUrls.PROBLEM);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Checked.refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Checked.refused("must not carry a user name or password; receivers verify the signature instead");
        }
        if (uri.getRawFragment() != null) {
            return Checked.refused("must not have a fragment (#...)");
        }
        return checkAddresses(uri);
    }

    private Checked checkAddresses(URI uri) {
        String host = uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Checked.refused("host '" + host + "' does not resolve");
        }
        if (addresses.isEmpty()) {
            return Checked.refused("host '" + host + "' does not resolve");
        }
        if (!allowPrivate) {
            // every address, not only the one used: the client must never be handed one that was not checked
            for (InetAddress address : addresses) {
                Optional<String> block = SpecialAddresses.blockOf(address);
                if (block.isPresent()) {
                    return Checked.refused("host '" + host + "' resolves to " + address.getHostAddress()
                            + ", a loopback, link-local or private address or another special-purpose one ("
                            + block.get() + "); webhooks go to public addresses only");
                }
            }
        }
        return new Checked(new Target(uri, addresses.get(0)), null);
    }

    /** False for every address in a special-purpose block (see {@link SpecialAddresses}). */
    static boolean isPublic(InetAddress address) {
        return SpecialAddresses.blockOf(address).isEmpty();
    }
}
