package health.cms.launcher;

import java.io.IOException;
import java.util.List;

/**
 * What {@code ./mvnw package -Pstack} does to the launcher, without Maven: exec-maven-plugin's synchronous
 * {@code exec} goal forks the command, passes its output through and waits, with no hook that would stop the
 * fork when this process is signalled.
 */
public final class ForkingParent {

    private ForkingParent() {
    }

    public static void main(String[] command) throws IOException, InterruptedException {
        System.exit(new ProcessBuilder(List.of(command)).inheritIO().start().waitFor());
    }
}
