package health.cms.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void aKeyIsRandomRecognisableAndKeptOnlyAsItsHash() {
        ApiKeySecret one = ApiKeySecret.generate();
        ApiKeySecret two = ApiKeySecret.generate();
        assertNotEquals(one.key(), two.key());
        assertTrue(one.key().matches("cms_[A-Za-z0-9_-]{43}"), one.key());
        assertEquals(one.key().substring(0, 12), one.prefix());
        assertEquals(ApiKeySecret.hash(one.key()), one.hash());
        assertEquals(64, one.hash().length());
        assertFalse(one.toString().contains(one.key()), "never in a log line");
    }

    @Test
    void aPreviewKeyCoversDeliveryButNotTheOtherWayRound() {
        assertTrue(ApiKeyScope.PREVIEW.covers(ApiKeyScope.DELIVERY));
        assertTrue(ApiKeyScope.PREVIEW.covers(ApiKeyScope.PREVIEW));
        assertTrue(ApiKeyScope.DELIVERY.covers(ApiKeyScope.DELIVERY));
        assertFalse(ApiKeyScope.DELIVERY.covers(ApiKeyScope.PREVIEW));
    }
}
