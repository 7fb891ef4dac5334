package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.ReceiverTest;
import health.cms.webhooks.testing.ScriptedResolver;
import health.cms.webhooks.testing.TestReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * DNS rebinding: the sender connects to an address of the lookup the guard checked, never to one of a
 * second lookup, while the receiver's name stays in the Host header and the TLS server name.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CheckedAddressTest extends ReceiverTest {

    @Inject
    WebhookSubscriptions webhooks;
    @Inject
    DeliveryWorker worker;
    @Inject
    ScriptedResolver dns;

    @AfterEach
    void honestDns() {
        dns.reset();
    }

    @Test
    void connectsToTheAddressThatWasChecked() throws Exception {
        // the attacker's name answers the checked address first, then the desk's own network; "localhost"
        // is also what the system resolver answers 127.0.0.1 for, as a client resolving on its own would
        try (TestReceiver checked = new TestReceiver(clock::instant,
                new InetSocketAddress("127.0.0.2", receiver.port()))) {
            IssuedSecret issued = webhooks.create("editor1", new SubscriptionInput(
                    "http://localhost:" + receiver.port() + "/hook", null, List.of("article.published"), List.of(),
                    true));
            checked.trust(issued.secret());
            receiver.trust(issued.secret());
            dns.rebind("localhost", "127.0.0.2", "127.0.0.1");

            OutboxEvents.published("wh-rebinding");
            worker.deliverDue();

            assertEquals(List.of(), receiver.all(), "the address of a second lookup was never contacted");
            assertEquals(1, checked.accepted().size(), "the checked address got the delivery");
            assertEquals("localhost:" + receiver.port(), checked.accepted().get(0).host());
            assertEquals(1, dns.lookups("localhost"), "one lookup per attempt");
        }
    }

    @Test
    void theTlsServerNameIsTheTargetsNameNotTheCheckedAddress() throws Exception {
        dns.answer("hooks.example.test", "127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<String> clientHello = CompletableFuture.supplyAsync(() -> firstBytes(server));
            webhooks.create("editor1", new SubscriptionInput("https://hooks.example.test:" + server.getLocalPort()
                    + "/hook", null, List.of("article.published"), List.of(), true));
            OutboxEvents.published("wh-tls-name");
            worker.deliverDue();
            assertTrue(clientHello.get(5, TimeUnit.SECONDS).contains("hooks.example.test"),
                    "the ClientHello names the host (SNI), so the certificate is checked against it");
        }
    }

    /** The first bytes a client sends (for TLS: its ClientHello, which carries the server name in clear). */
    private static String firstBytes(ServerSocket server) {
        try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
            client.setSoTimeout(3000);
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            return new String(buffer, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
