package health.cms.delivery.edge;

import java.util.List;

import io.vertx.core.MultiMap;

/**
 * Who a request comes from, for the rate limit: the connection's address, or, when that connection
 * comes from one of our trusted proxies, the right-most address in the forwarding header that is not
 * one of them. Each trusted proxy appends the address it received the request from, so everything to
 * the left of the first untrusted hop is whatever the client chose to write.
 */
final class ClientAddress {

    /** More proxies than anyone chains; a longer header is not walked further, whoever wrote it. */
    static final int MAX_HOPS = 16;

    private final List<IpRange> trustedProxies;
    private final ForwardedHeader header;

    ClientAddress(List<IpRange> trustedProxies, ForwardedHeader header) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.header = header;
    }

    /** From the rate limit's settings; a malformed range stops the start with the value named. */
    static ClientAddress of(RateLimitConfig config) {
        List<String> ranges = config.trustedProxies().orElse(List.of());
        try {
            return new ClientAddress(ranges.stream().map(IpRange::parse).toList(), config.forwardedHeader());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cms.rate-limit.trusted-proxies (CMS_RATE_LIMIT_TRUSTED_PROXIES): "
                    + e.getMessage(), e);
        }
    }

    /**
     * The rate-limit key of a request whose connection comes from {@code peer} (null when unknown):
     * an IPv4 address, or an IPv6 /64. The forwarding header is read only when the peer is trusted.
     */
    String key(String peer, MultiMap requestHeaders) {
        if (peer == null) {
            return "unknown";
        }
        if (trustedProxies.isEmpty() && peer.indexOf(':') < 0) {
            // The common case costs nothing: an IPv4 peer as Vert.x writes it is already its own key.
            return peer;
        }
        byte[] address = IpAddress.parse(peer);
        if (address == null) {
            return peer;
        }
        if (trusted(address)) {
            address = furthestTrustedOrClient(address, String.join(",", requestHeaders.getAll(header.headerName())));
        }
        return IpAddress.key(address);
    }

    /**
     * Walks the hops from the right while they are trusted proxies. A hop that is no address (garbage,
     * {@code unknown}, an obfuscated name) ends the walk at the trusted proxy that wrote it.
     */
    private byte[] furthestTrustedOrClient(byte[] proxy, String hops) {
        byte[] current = proxy;
        int end = hops.length();
        for (int hop = 0; hop < MAX_HOPS && end > 0; hop++) {
            int comma = hops.lastIndexOf(',', end - 1);
            byte[] address = IpAddress.parse(header.hop(hops.substring(comma + 1, end)));
            if (address == null) {
                return current;
            }
            if (!trusted(address)) {
                return address;
            }
            current = address;
            end = comma;
        }
        return current;
    }

    private boolean trusted(byte[] address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
