package health.cms.delivery.edge;

import io.netty.util.NetUtil;

/**
 * IP address literals as proxies write them, and the rate-limit key of an address: an IPv4 address
 * is a client of its own, an IPv6 address counts as its /64, since one host is given a whole /64
 * and can pick a new address in it for every request.
 */
final class IpAddress {

    /** Longer than any address with brackets and a port: anything longer is not looked at. */
    private static final int MAX_LENGTH = 64;
    private static final byte[] IPV4_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private IpAddress() {
    }

    /**
     * The address's 4 or 16 bytes (an IPv4-mapped IPv6 address as its IPv4 address), or null when the
     * text is no address literal ({@code unknown}, a host name, garbage). Accepts {@code [2001:db8::1]:443}
     * and {@code 192.0.2.7:443}, which some proxies write. Never resolves a name.
     */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        String literal = text;
        if (literal.charAt(0) == '[') {
            int close = literal.indexOf(']');
            if (close < 0 || close + 1 < literal.length() && !isPort(literal, close + 1)) {
                return null;
            }
            literal = literal.substring(1, close);
        } else {
            int colon = literal.indexOf(':');
            if (colon > 0 && literal.indexOf(':', colon + 1) < 0 && isPort(literal, colon)) {
                literal = literal.substring(0, colon);
            }
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(literal);
        if (address != null && address.length == 16 && startsWith(address, IPV4_MAPPED)) {
            return new byte[]{address[12], address[13], address[14], address[15]};
        }
        return address;
    }

    /** {@code 192.0.2.7} for an IPv4 address, {@code 2001:db8:0:7::/64} for any address in that IPv6 /64. */
    static String key(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        StringBuilder key = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            int group = (address[i] & 0xff) << 8 | address[i + 1] & 0xff;
            key.append(Integer.toHexString(group)).append(':');
        }
        return key.append(":/64").toString();
    }

    private static boolean isPort(String text, int colon) {
        if (colon + 1 >= text.length() || text.charAt(colon) != ':' || text.length() - colon > 6) {
            return false;
        }
        for (int i = colon + 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] address, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
