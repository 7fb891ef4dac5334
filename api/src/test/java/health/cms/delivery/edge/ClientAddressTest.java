package health.cms.delivery.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() {
        assertEquals("198.51.100.4", ClientAddress.of("198.51.100.4", "203.0.113.9", 0));
    }

    @Test
    void oneTrustedProxyMeansTheLastAddressItAppended() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9", 1));
        // whatever the client put in front is not believed
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "1.2.3.4, 5.6.7.8, 203.0.113.9", 1));
    }

    @Test
    void twoTrustedProxiesMeansTheAddressTheOuterOneAppended() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.7", 2));
    }

    @Test
    void fewerEntriesThanProxiesFallBackToTheFurthestKnown() {
        assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9", 3));
    }

    @Test
    void ipv6AddressesAreClients() {
        assertEquals("2001:db8::7", ClientAddress.of("10.0.0.2", "2001:db8::7", 1));
    }

    @Test
    void aGarbageEntryIsNotAClientOfItsOwn() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "not-an-address", 1));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "1".repeat(100), 1));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", " , ", 1));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "", 1));
    }
}
