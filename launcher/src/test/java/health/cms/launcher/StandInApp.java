package health.cms.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak, api and admin-ui in {@link StackSignalsTest}: answers 200 to every request on the
 * port the launcher gives the real part, until it is stopped.
 */
public final class StandInApp {

    private StandInApp() {
    }

    /** Keycloak's stand-in, run by a stand-in kc.sh with the port as its argument. */
    public static void main(String[] args) throws IOException {
        serve(args[0]);
    }

    static void serve(String port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", Integer.parseInt(port)), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The api's stand-in (both port variables reach both apps, so each needs its own entry point). */
    public static final class Api {

        private Api() {
        }

        public static void main(String[] args) throws IOException {
            serve(System.getenv("CMS_API_PORT"));
        }
    }

    /** The admin-ui's stand-in. */
    public static final class Admin {

        private Admin() {
        }

        public static void main(String[] args) throws IOException {
            serve(System.getenv("CMS_ADMIN_PORT"));
        }
    }
}
