package health.cms.delivery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The TypeScript client the build generates (api/target/typescript-client) compiles with the example that uses
 * it (clients/typescript/example), and the example renders a live article of this api with its author box and
 * medical review box. Needs Node and npm (TypeScript itself comes from npm into the example's node_modules).
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class TypeScriptClientTest {

    private static final Path EXAMPLE = Path.of("..", "clients", "typescript", "example");

    @Test
    void theGeneratedClientCompilesAndTheExampleRendersALiveArticle() throws Exception {
        Assumptions.assumeTrue(available("node") && available("npm"),
                "Node.js and npm are not installed (apt-get install -y nodejs npm): the TypeScript client is not checked");
        assertTrue(Files.exists(Path.of("target", "typescript-client", "package.json")),
                "the build generates the client before the tests");
        Fixtures.published("client-example");

        run("npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
        run("npx", "tsc", "-p", ".");
        String html = run("node", "dist/clients/typescript/example/src/render.js",
                "http://localhost:" + RestAssured.port, "client-example");

        assertTrue(html.contains("<h1>Article client-example</h1>"), html);
        assertTrue(html.contains("<div class=\"author-box\"><strong>Anna Berg</strong>, MD"), html);
        assertTrue(html.contains("Medically reviewed by <strong>Rita Reviewer</strong>, MD, PhD"), html);
        assertTrue(html.contains("<script type=\"application/ld+json\">{"), html);
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor(30,
                    TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a command in the example's folder; its output, or a failure with everything it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(EXAMPLE.toFile()).redirectErrorStream(true)
                .start();
        String output;
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
        }
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
