package health.cms.core.locale;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import health.cms.core.refusal.Refusal;

/**
 * The configured locales in canonical BCP 47 form (the case of {@code de-AT}, not {@code DE_at}), checked once:
 * a malformed tag or a default outside the list stops the start.
 */
@ApplicationScoped
public class Locales {

    private final String defaultLocale;
    private final List<String> available;

    @Inject
    public Locales(LocaleConfig config) {
        this(config.defaultLocale(), config.available());
    }

    /** For tests and tools: the given default and list, checked as the configured ones are. */
    public Locales(String defaultLocale, List<String> available) {
        List<String> tags = new ArrayList<>();
        for (String tag : available) {
            String canonical = canonical(tag).orElseThrow(() -> new IllegalArgumentException(
                    "cms.locales.available: '" + tag + "' is not a BCP 47 language tag"));
            if (!tags.contains(canonical)) {
                tags.add(canonical);
            }
        }
        this.defaultLocale = canonical(defaultLocale).filter(tags::contains).orElseThrow(
                () -> new IllegalArgumentException("cms.locales.default '" + defaultLocale
                        + "' must be one of cms.locales.available " + tags));
        this.available = List.copyOf(tags);
    }

    /** The locale of new articles and the last step of every fallback. */
    public String defaultLocale() {
        return defaultLocale;
    }

    public List<String> available() {
        return available;
    }

    /** The configured locale this tag names (whatever its case), or empty when it is not configured. */
    public Optional<String> configured(String tag) {
        return canonical(tag).filter(available::contains);
    }

    /**
     * The configured locale a request asks for in {@code parameter}: the tag itself, else its language alone
     * ({@code de} for {@code de-AT}); the default locale when it asks for none. Any other is refused, naming the
     * parameter.
     */
    public String requested(String parameter, String tag) {
        if (tag == null) {
            return defaultLocale;
        }
        return configured(tag).or(() -> canonical(tag).flatMap(t -> configured(Locale.forLanguageTag(t).getLanguage())))
                .orElseThrow(() -> Refusal.invalid(parameter,
                        "must be one of the configured locales " + String.join(", ", available)));
    }

    /** Whether a person who reads {@code language} (a tag such as {@code de}) can review text in {@code locale}. */
    public static boolean reads(String language, String locale) {
        Optional<String> spoken = canonical(language).map(tag -> Locale.forLanguageTag(tag).getLanguage());
        Optional<String> written = canonical(locale).map(tag -> Locale.forLanguageTag(tag).getLanguage());
        return spoken.isPresent() && spoken.equals(written);
    }

    /** A well-formed tag in its canonical form, or empty. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
