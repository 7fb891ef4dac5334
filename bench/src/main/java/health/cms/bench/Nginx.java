package health.cms.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's nginx as the static-file baseline: two workers, sendfile, no access log, one folder served. */
final class Nginx {

    private Nginx() {
    }

    /** Serves {@code www} on 127.0.0.1:{@code port} with {@code contentType}; its config and pid go in {@code work}. */
    static Process start(Path work, Path www, int port, String contentType) throws Exception {
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 2;
                pid %s;
                error_log %s warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  sendfile on;
                  server {
                    listen 127.0.0.1:%d;
                    location / { root %s; default_type %s; etag on; }
                  }
                }
                """.formatted(work.resolve("nginx.pid"), work.resolve("nginx-error.log"), port, www, contentType));
        Process nginx = new ProcessBuilder("nginx", "-c", conf.toString(), "-g", "daemon off;").inheritIO().start();
        Thread.sleep(500);
        return nginx;
    }
}
