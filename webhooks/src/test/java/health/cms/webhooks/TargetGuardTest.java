package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard strict = new TargetGuard(false, new HostResolver.Jvm());
    private final TargetGuard permissive = new TargetGuard(true, new HostResolver.Jvm());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1",
            "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::"})
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic(String address) throws Exception {
        assertFalse(TargetGuard.isPublic(InetAddress.getByName(address)), address);
    }

    /** The IANA special-purpose blocks beyond the private ones, and IPv6 forms that lead to a private IPv4. */
    @ParameterizedTest
    @ValueSource(strings = {"192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "192.88.99.1", "240.0.0.1",
            "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::8.8.8.8", "2002:7f00:1::", "2002:a9fe:a9fe::1",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:db8::1", "3fff::1", "100::1", "5f00::1",
            "::127.0.0.1", "::10.0.0.1", "fec0::1", "ff02::1", "4000::1", "::2"})
    void specialPurposeAndWrappedPrivateAddressesAreNotPublic(String address) throws Exception {
        assertFalse(TargetGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8", "2a00:1450:4001:80b::200e"})
    void publicAddressesArePublic(String address) throws Exception {
        assertTrue(TargetGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @Test
    void refusesNat64AddressOfMetadataService() {
        String why = strict.refusal("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/").orElseThrow();
        assertTrue(why.contains("64:ff9b:0:0:0:0:0:0/96 NAT64 well-known prefix wrapping 169.254.169.254"), why);
        assertTrue(strict.refusal("http://[64:ff9b:1::a9fe:a9fe]/latest/meta-data/").isPresent());
    }

    @Test
    void refuses6to4WrappingLoopback() {
        String why = strict.refusal("http://[2002:7f00:1::1]:8081/manage/v1/articles").orElseThrow();
        assertTrue(why.contains("6to4 wrapping 127.0.0.1 (127.0.0.0/8 loopback)"), why);
    }

    @Test
    void refusesTeredoAndIpv4CompatibleLoopback() {
        assertTrue(strict.refusal("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook").orElseThrow()
                .contains("Teredo"));
        assertTrue(strict.refusal("http://[::127.0.0.1]/hook").orElseThrow().contains("wrapping 127.0.0.1"));
    }

    @Test
    void targetsOnLoopbackOrPrivateNetworksAreRefusedWithTheAddress() {
        assertTrue(strict.refusal("http://127.0.0.1:8081/manage").orElseThrow().contains("127.0.0.1"));
        assertTrue(strict.refusal("http://169.254.169.254/latest/meta-data").isPresent());
        assertTrue(strict.refusal("https://[::1]/hook").isPresent());
        assertTrue(strict.refusal("http://localhost/hook").isPresent());
        assertEquals(Optional.empty(), strict.refusal("https://93.184.216.34/hook"));
    }

    @Test
    void aCheckedTargetConnectsToTheAddressOfTheCheckAndKeepsTheName() {
        TargetGuard.Target target = strict.check("https://93.184.216.34/hook").target();
        assertEquals("93.184.216.34", target.address().getHostAddress());
        assertEquals(443, target.port());
        assertEquals("2606:4700:0:0:0:0:0:1111",
                strict.check("http://[2606:4700::1111]:8443/hook").target().address().getHostAddress());
        assertEquals("2606:4700::1111", strict.check("http://[2606:4700::1111]:8443/hook").target().host());
    }

    @Test
    void theSettingAllowsPrivateTargetsButNeverOtherSchemes() {
        assertEquals(Optional.empty(), permissive.refusal("http://127.0.0.1:9999/hook"));
        assertEquals("must be an http or https URL", permissive.refusal("ftp://127.0.0.1/hook").orElseThrow());
        assertEquals("must be an http or https URL", permissive.refusal("file:///etc/passwd").orElseThrow());
        assertTrue(permissive.refusal("http://user:pw@127.0.0.1/hook").orElseThrow().contains("password"));
        assertEquals("is not a valid URL", permissive.refusal("http://exa mple.org/").orElseThrow());
    }
}
