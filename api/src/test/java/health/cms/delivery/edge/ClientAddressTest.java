package health.cms.delivery.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class ClientAddressTest {

    private static final ClientAddress NO_PROXY = new ClientAddress(List.of(), ForwardedHeader.X_FORWARDED_FOR);
    private static final ClientAddress BEHIND_PROXIES = proxies(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.0/8",
            "2001:db8:ffff::/48");

    private static ClientAddress proxies(ForwardedHeader header, String... ranges) {
        return new ClientAddress(Arrays.stream(ranges).map(IpRange::parse).toList(), header);
    }

    private static MultiMap header(String name, String... values) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String value : values) {
            headers.add(name, value);
        }
        return headers;
    }

    private static MultiMap forwardedFor(String... values) {
        return header("X-Forwarded-For", values);
    }

    @Test
    void ipv6ClientRotatingWithinA64SharesOneBucket() {
        String key = NO_PROXY.key("2001:db8:7:7::1", forwardedFor());
        assertEquals("2001:db8:7:7::/64", key);
        for (String rotated : List.of("2001:db8:7:7:ffff:1:2:3", "2001:0db8:0007:0007::abcd", "[2001:db8:7:7::9]")) {
            assertEquals(key, NO_PROXY.key(rotated, forwardedFor()), rotated);
        }
        assertEquals("2001:db8:7:8::/64", NO_PROXY.key("2001:db8:7:8::1", forwardedFor()), "the next /64 is another client");
        // behind a proxy, the forwarded address is keyed the same way
        assertEquals(key, BEHIND_PROXIES.key("10.0.0.2", forwardedFor("2001:db8:7:7:dead:beef::1")));
    }

    @Test
    void ipv4StaysPerAddress() {
        assertEquals("198.51.100.4", NO_PROXY.key("198.51.100.4", forwardedFor()));
        assertEquals("198.51.100.5", NO_PROXY.key("198.51.100.5", forwardedFor()));
        // an IPv4 client over an IPv6 socket is still its IPv4 address
        assertEquals("198.51.100.4", NO_PROXY.key("::ffff:198.51.100.4", forwardedFor()));
    }

    @Test
    void spoofedForwardedForFromUntrustedPeerIsIgnored() {
        assertEquals("198.51.100.4", NO_PROXY.key("198.51.100.4", forwardedFor("203.0.113.9")));
        // with proxies configured, a client that is not one of them is still not believed
        assertEquals("198.51.100.4", BEHIND_PROXIES.key("198.51.100.4", forwardedFor("203.0.113.9")));
        assertEquals("198.51.100.4", BEHIND_PROXIES.key("198.51.100.4", header("Forwarded", "for=203.0.113.9")));
    }

    @Test
    void forwardedForFromTrustedProxyKeysTheClient() {
        assertEquals("203.0.113.9", BEHIND_PROXIES.key("10.0.0.2", forwardedFor("203.0.113.9")));
        // whatever the client wrote in front of what our proxy appended is not believed
        assertEquals("203.0.113.9", BEHIND_PROXIES.key("10.0.0.2", forwardedFor("1.2.3.4, 5.6.7.8, 203.0.113.9")));
        // a chain of our own proxies is walked to the right-most address that is none of them
        assertEquals("203.0.113.9",
                BEHIND_PROXIES.key("10.0.0.2", forwardedFor("1.2.3.4, 203.0.113.9, 10.9.9.9, 2001:db8:ffff::7")));
        // a proxy that adds a second header line instead of appending to the client's
        assertEquals("203.0.113.9", BEHIND_PROXIES.key("10.0.0.2", forwardedFor("1.2.3.4", "203.0.113.9")));
        // ports and brackets as some proxies write them
        assertEquals("203.0.113.9", BEHIND_PROXIES.key("10.0.0.2", forwardedFor("203.0.113.9:51234")));
        assertEquals("2001:db8:7:7::/64", BEHIND_PROXIES.key("10.0.0.2", forwardedFor("[2001:db8:7:7::1]:443")));
    }

    @Test
    void theForwardedHeaderIsReadWhenTheProxiesWriteIt() {
        ClientAddress forwarded = proxies(ForwardedHeader.FORWARDED, "10.0.0.0/8");
        assertEquals("203.0.113.9", forwarded.key("10.0.0.2",
                header("Forwarded", "for=1.2.3.4, for=203.0.113.9;proto=https;by=10.0.0.2")));
        assertEquals("2001:db8:7:7::/64", forwarded.key("10.0.0.2", header("Forwarded", "For=\"[2001:db8:7:7::1]:4711\"")));
        // the header the proxies do not write is whatever the client sent: never read
        assertEquals("10.0.0.2", forwarded.key("10.0.0.2", forwardedFor("203.0.113.9")));
        assertEquals("203.0.113.9", BEHIND_PROXIES.key("10.0.0.2",
                header("X-Forwarded-For", "203.0.113.9").add("Forwarded", "for=198.51.100.1")));
    }

    @Test
    void aHopThatIsNoAddressEndsTheWalkAtTheProxyThatWroteIt() {
        for (String garbage : List.of("not-an-address", "unknown", "1".repeat(100), " , ", "", "_hidden", "[::1",
                "1.2.3.4:99999999")) {
            assertEquals("10.0.0.2", BEHIND_PROXIES.key("10.0.0.2", forwardedFor(garbage)), garbage);
        }
        assertEquals("10.0.0.2", BEHIND_PROXIES.key("10.0.0.2", forwardedFor()));
        assertEquals("unknown", BEHIND_PROXIES.key(null, forwardedFor("203.0.113.9")));
    }

    @Test
    void aHeaderOfManyTrustedHopsIsWalkedOnlySoFar() {
        String hops = String.join(", ", java.util.Collections.nCopies(1_000, "10.1.1.1"));
        assertEquals("10.1.1.1", BEHIND_PROXIES.key("10.0.0.2", forwardedFor("203.0.113.9, " + hops)));
    }

    @Test
    void aMalformedOrAllTrustingProxyRangeStopsTheStart() {
        for (String bad : List.of("1", "10.0.0/8", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x", "proxy.example.org",
                "0.0.0.0/0", "::/0")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> IpRange.parse(bad), bad);
            assertTrue(refused.getMessage().contains("'" + bad + "'"), refused.getMessage());
        }
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        IpRange range = IpRange.parse("192.0.2.128/25");
        assertTrue(range.contains(IpAddress.parse("192.0.2.200")));
        assertTrue(!range.contains(IpAddress.parse("192.0.2.127")));
        assertTrue(!range.contains(IpAddress.parse("2001:db8::1")), "an IPv4 range holds no IPv6 address");
        assertTrue(IpRange.parse("192.0.2.7").contains(IpAddress.parse("192.0.2.7")));
        assertTrue(!IpRange.parse("192.0.2.7").contains(IpAddress.parse("192.0.2.8")));
    }
}
