package health.cms.delivery.edge;

/**
 * A block of addresses, written as a CIDR ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or as one
 * address: where the proxies in front of the api connect from.
 */
final class IpRange {

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Refuses anything but an address with an optional prefix length, naming the value, so a typo stops the start. */
    static IpRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        byte[] address = IpAddress.parse(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range "
                    + "(write it like 10.0.0.0/8, 2001:db8::/32 or 192.0.2.7)");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0-" + bits);
            }
        }
        if (prefix == 0) {
            // Trusting every address would let any client write its own X-Forwarded-For and pick its bucket.
            throw new IllegalArgumentException("'" + text + "' trusts every address as a proxy; name your proxies' ranges");
        }
        return new IpRange(address, prefix);
    }

    /** True when {@code address} (as {@link IpAddress#parse} returns it) is in this block. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }
}
