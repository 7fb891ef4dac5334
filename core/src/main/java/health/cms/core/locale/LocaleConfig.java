package health.cms.core.locale;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The locales content is written in, shared by the desk (which translates) and the api (which negotiates). */
@ConfigMapping(prefix = "cms.locales")
public interface LocaleConfig {

    /** The BCP 47 tag of the locale new articles are written in, and the end of every fallback chain. */
    @WithName("default")
    @WithDefault("en")
    String defaultLocale();

    /** Every BCP 47 tag content may be in, the default included; the order is the desk's. */
    @WithDefault("en,de,es")
    List<String> available();
}
