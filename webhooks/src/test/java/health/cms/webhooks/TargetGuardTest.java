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

    private final TargetGuard strict = new TargetGuard(false);
    private final TargetGuard permissive = new TargetGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1",
            "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::"})
    void privateLoopbackLinkLocalAndReservedAddressesAreNotPublic(String address) throws Exception {
        assertFalse(TargetGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void publicAddressesArePublic(String address) throws Exception {
        assertTrue(TargetGuard.isPublic(InetAddress.getByName(address)), address);
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
    void theSettingAllowsPrivateTargetsButNeverOtherSchemes() {
        assertEquals(Optional.empty(), permissive.refusal("http://127.0.0.1:9999/hook"));
        assertEquals("must be an http or https URL", permissive.refusal("ftp://127.0.0.1/hook").orElseThrow());
        assertEquals("must be an http or https URL", permissive.refusal("file:///etc/passwd").orElseThrow());
        assertTrue(permissive.refusal("http://user:pw@127.0.0.1/hook").orElseThrow().contains("password"));
        assertEquals("is not a valid URL", permissive.refusal("http://exa mple.org/").orElseThrow());
    }
}
