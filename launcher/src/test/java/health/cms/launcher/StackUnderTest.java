package health.cms.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for every end-to-end test class in this JVM: started by the first class that needs
 * it, stopped after the last test, and checked to leave no process behind.
 */
final class StackUnderTest implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static StackSettings settings;
    private static LocalStack stack;

    static StackSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(StackUnderTest.class)");
        }
        return settings;
    }

    static LocalStack stack() {
        settings();
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (StackUnderTest.class) {
            if (stack != null) {
                return;
            }
            Path state = Files.createTempDirectory("cms-stack-it");
            // The realm lists 28081 as a valid redirect for the desk, so the tests use the 28xxx ports.
            settings = new StackSettings(Path.of(System.getProperty("cms.project.dir")),
                    Path.of(System.getProperty("cms.keycloak.home")), state, freePort(), 28180, 28080, 28081, true);
            stack = new LocalStack(settings, System.out);
            stack.start();
            System.out.printf("%nLocal stack ready in %d s%n", stack.startupTime().toSeconds());
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(StackUnderTest.class.getName(), this);
        }
    }

    @Override
    public void close() throws IOException {
        // the processes running now: a fault test may have restarted one since the start
        List<Long> pids = stack.pids();
        stack.close();
        try (var paths = Files.walk(settings.stateDir())) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        for (long pid : pids.subList(1, pids.size())) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("process " + pid + " still runs after the stack stopped");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
