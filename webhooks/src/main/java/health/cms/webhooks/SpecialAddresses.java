package health.cms.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks a webhook may not reach: the IANA IPv4 and IPv6 Special-Purpose Address Registries'
 * blocks that are not globally reachable, multicast, and everything in IPv6 outside global unicast
 * (2000::/3). IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96,
 * 6to4) are judged by the IPv4 address they lead to.
 */
final class SpecialAddresses {

    /** One CIDR block and what it is for, as the registry names it. */
    private record Block(byte[] prefix, int bits, String name) {

        static Block of(String cidr, String name) {
            String[] parts = cidr.split("/");
            try {
                return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), name);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        String describe() {
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits + " " + name;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** IPv4: the registry's blocks with "globally reachable: false", plus multicast. */
    private static final List<Block> V4 = List.of(
            Block.of("0.0.0.0/8", "this network"),
            Block.of("10.0.0.0/8", "private-use"),
            Block.of("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link-local (cloud metadata services)"),
            Block.of("172.16.0.0/12", "private-use"),
            // its two anycast /32s are reachable, but no receiver lives there
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Block.of("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            Block.of("192.168.0.0/16", "private-use"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Block.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved"),
            Block.of("255.255.255.255/32", "limited broadcast"));

    /** IPv6: checked after the forms that carry an IPv4 address, and only inside global unicast 2000::/3. */
    private static final List<Block> V6 = List.of(
            Block.of("::1/128", "loopback"),
            Block.of("::/128", "unspecified"),
            Block.of("64:ff9b:1::/48", "local-use IPv4/IPv6 translation (NAT64)"),
            Block.of("100::/64", "discard-only"),
            Block.of("100:0:0:1::/64", "dummy prefix"),
            // includes Teredo 2001::/32, whose embedded IPv4 is obfuscated and the relay is anyone's
            Block.of("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
            Block.of("2001:db8::/32", "documentation"),
            Block.of("3fff::/20", "documentation"),
            Block.of("5f00::/16", "segment routing (SRv6) SIDs"),
            Block.of("fc00::/7", "unique-local"),
            Block.of("fe80::/10", "link-local"),
            Block.of("fec0::/10", "deprecated site-local"),
            Block.of("ff00::/8", "multicast"));

    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast");
    private static final Block IPV4_COMPATIBLE = Block.of("::/96", "IPv4-compatible (deprecated)");
    private static final Block NAT64 = Block.of("64:ff9b::/96", "NAT64 well-known prefix");
    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "6to4");

    private SpecialAddresses() {
    }

    /** The block that makes this address unfit for a webhook, described for the editor; empty for a public address. */
    static Optional<String> blockOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return V4.stream().filter(block -> block.contains(b)).findFirst().map(Block::describe);
        }
        // IPv4-mapped addresses (::ffff:a.b.c.d) arrive as Inet4Address: Java unwraps them when parsing
        for (Block wrapper : List.of(IPV4_COMPATIBLE, NAT64)) {
            // ::/96 also holds :: and ::1, which are no IPv4 wrappers
            if (wrapper.contains(b) && !(wrapper == IPV4_COMPATIBLE && isUnspecifiedOrLoopback(b))) {
                return wrapped(wrapper, b, 12);
            }
        }
        if (SIX_TO_FOUR.contains(b)) {
            return wrapped(SIX_TO_FOUR, b, 2);
        }
        Optional<String> special = V6.stream().filter(block -> block.contains(b)).findFirst().map(Block::describe);
        if (special.isPresent() || GLOBAL_UNICAST.contains(b)) {
            return special;
        }
        return Optional.of("outside global unicast " + GLOBAL_UNICAST.describe().split(" ")[0]);
    }

    /** An IPv6 address that leads to the IPv4 address at {@code offset}: as public as that address. */
    private static Optional<String> wrapped(Block wrapper, byte[] b, int offset) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            InetAddress inner = InetAddress.getByAddress(v4);
            return blockOf(inner).map(block -> wrapper.describe() + " wrapping " + inner.getHostAddress() + " (" + block
                    + ")");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUnspecifiedOrLoopback(byte[] b) {
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[15] & 0xff) <= 1;
    }
}
