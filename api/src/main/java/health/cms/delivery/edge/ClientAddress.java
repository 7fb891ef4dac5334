package health.cms.delivery.edge;

/** Who a request comes from, for the rate limit: the connection's address, or one a trusted proxy added. */
final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The address {@code trustedProxies} hops from the end of {@code X-Forwarded-For}: each trusted proxy
     * appends the address it received the request from, so the entries further left are whatever the
     * client chose to send. Without trusted proxies, or with no usable entry, the connection's address.
     */
    static String of(String connection, String forwardedFor, int trustedProxies) {
        if (trustedProxies <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
            return connection;
        }
        String[] hops = forwardedFor.split(",");
        String candidate = hops[Math.max(0, hops.length - trustedProxies)].strip();
        return plausible(candidate) ? candidate : connection;
    }

    /** An IPv4 or IPv6 address as proxies write them: a garbage entry must not become a client of its own. */
    private static boolean plausible(String address) {
        if (address.length() < 2 || address.length() > 45) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }
}
