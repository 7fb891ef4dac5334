package health.cms.webhooks.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import health.cms.webhooks.HostResolver;

/**
 * A DNS the tests control: a host can be given fixed answers, or an attacker's rebinding answers (one
 * address for the first lookup, another for every later one). Other hosts resolve as usual.
 */
@Singleton
public class ScriptedResolver implements HostResolver {

    private record Script(List<InetAddress> first, List<InetAddress> later, AtomicInteger lookups) {
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    /** Every lookup of {@code host} answers {@code addresses}. */
    public void answer(String host, String... addresses) {
        List<InetAddress> answer = parse(addresses);
        scripts.put(host, new Script(answer, answer, new AtomicInteger()));
    }

    /** The next lookup of {@code host} answers {@code first}, every lookup after it {@code later}. */
    public void rebind(String host, String first, String later) {
        scripts.put(host, new Script(parse(first), parse(later), new AtomicInteger()));
    }

    /** How many lookups of {@code host} were made since it was scripted. */
    public int lookups(String host) {
        Script script = scripts.get(host);
        return script == null ? 0 : script.lookups().get();
    }

    public void reset() {
        scripts.clear();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Script script = scripts.get(host);
        if (script == null) {
            return List.of(InetAddress.getAllByName(host));
        }
        return script.lookups().getAndIncrement() == 0 ? script.first() : script.later();
    }

    private static List<InetAddress> parse(String... addresses) {
        try {
            InetAddress[] parsed = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                parsed[i] = InetAddress.getByName(addresses[i]);
            }
            return List.of(parsed);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal", e);
        }
    }
}
