package health.cms.core.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ShareTokenTest {

    static final String KEY = "a-share-link-key-of-the-tests-0123456789";
    static final Instant EXPIRY = Instant.parse("2026-12-09T10:00:00Z");

    @Test
    void aSignedTokenReadsBackExactly() {
        ShareToken token = new ShareToken(12, 345, EXPIRY);
        assertEquals(Optional.of(token), ShareToken.verify(token.sign(KEY), KEY));
        assertTrue(token.sign(KEY).length() < ShareToken.MAX_LENGTH, "fits in a URL comfortably");
    }

    @Test
    void aTokenWithAnotherArticleOrExpiryUnderTheSameSignatureIsRefused() {
        String signed = new ShareToken(12, 345, EXPIRY).sign(KEY);
        String signature = signed.substring(signed.indexOf('.'));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        for (String payload : new String[]{"v1.12.346." + EXPIRY.getEpochSecond(),
                "v1.12.345." + (EXPIRY.getEpochSecond() + 86_400), "v1.13.345." + EXPIRY.getEpochSecond()}) {
            String forged = base64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + signature;
            assertEquals(Optional.empty(), ShareToken.verify(forged, KEY), payload);
        }
    }

    @Test
    void anotherKeyOrGarbageIsNotOurs() {
        String signed = new ShareToken(1, 2, EXPIRY).sign(KEY);
        assertEquals(Optional.empty(), ShareToken.verify(signed, "another-key-of-the-tests-0123456789-xyz"));
        for (String garbage : new String[]{null, "", ".", "a.b", "a.b.c", "%%%.%%%", signed + ".x", "x".repeat(500)}) {
            assertEquals(Optional.empty(), ShareToken.verify(garbage, KEY), String.valueOf(garbage));
        }
    }

    @Test
    void expiryIsExclusiveAndAShortKeyStopsTheStart() {
        ShareToken token = new ShareToken(1, 2, EXPIRY);
        assertTrue(token.expiredAt(EXPIRY));
        assertTrue(!token.expiredAt(EXPIRY.minusSeconds(1)));
        assertThrows(IllegalStateException.class, () -> token.sign("short"));
    }
}
