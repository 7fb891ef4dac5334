package health.cms.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/**
 * Looks up a webhook target's addresses, once per check: the sender connects to an address from this very
 * answer, so a second lookup can never hand it another one (DNS rebinding). Tests replace it.
 */
public interface HostResolver {

    /** Every address of the host, in the order the system prefers them. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (and its cache). */
    @ApplicationScoped
    @DefaultBean
    class Jvm implements HostResolver {

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getAllByName(host));
        }
    }
}
