package health.cms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident memory while the load runs. */
final class RssProbe {

    private final Thread thread;
    private final AtomicLong peakKb = new AtomicLong();
    private volatile boolean running = true;

    private RssProbe(String commandPart) {
        thread = new Thread(() -> {
            while (running) {
                ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(commandPart))
                        .forEach(p -> peakKb.accumulateAndGet(rssKb(p.pid()), Math::max));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static RssProbe start(String commandPart) {
        RssProbe probe = new RssProbe(commandPart);
        probe.thread.start();
        return probe;
    }

    /** Stops sampling; returns the peak in KB. */
    long stop() {
        running = false;
        thread.interrupt();
        return peakKb.get();
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
