package health.cms.delivery.apikey;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the public api treats API keys, under {@code cms.api-keys} (environment variables
 * {@code CMS_API_KEYS_REQUIRED}, {@code CMS_API_KEYS_PER_SECOND}, {@code CMS_API_KEYS_BURST}).
 */
@ConfigMapping(prefix = "cms.api-keys")
public interface ApiKeyConfig {

    /** True closes the delivery API to callers without a valid key; the default keeps it open to everyone. */
    @WithDefault("false")
    boolean required();

    /** Sustained requests per second of one key (all its callers together); 0 turns the limit off. */
    @WithDefault("3000")
    int perSecond();

    /** The burst one key may send before {@link #perSecond()} applies. */
    @WithDefault("6000")
    int burst();

    /** How often the api writes the usage it counted in memory (one UPDATE per used key, never one per request). */
    @WithDefault("10s")
    Duration usageFlushEvery();

    /** How often the keys are re-read even without a change notification (a missed NOTIFY heals within this). */
    @WithDefault("60s")
    Duration reloadEvery();
}
