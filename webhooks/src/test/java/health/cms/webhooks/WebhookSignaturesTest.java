package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    @Test
    void signatureMatchesTheStandardWebhooksReferenceVector() {
        // the published vector of the Standard Webhooks reference libraries: receivers' libraries accept ours
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignatures.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void newSecretsAreWhsecPrefixedBase64OfThirtyTwoRandomBytes() {
        String one = WebhookSignatures.newSecret();
        String two = WebhookSignatures.newSecret();
        assertTrue(one.startsWith("whsec_"), one);
        assertEquals(32, Base64.getDecoder().decode(one.substring(6)).length);
        assertNotEquals(one, two);
    }

    @Test
    void headerCarriesOneSignaturePerSecretSeparatedBySpaces() {
        String current = WebhookSignatures.newSecret();
        String previous = WebhookSignatures.newSecret();
        String header = WebhookSignatures.header(List.of(current, previous), "msg_1", 1700000000, "{}");
        assertEquals(WebhookSignatures.sign(current, "msg_1", 1700000000, "{}") + " "
                + WebhookSignatures.sign(previous, "msg_1", 1700000000, "{}"), header);
    }
}
