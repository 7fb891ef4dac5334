package health.cms.delivery.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import health.cms.core.locale.Locales;

/**
 * The languages an article answer can be given in: its own locale, and the slug of each live language of the same
 * article (its own included). {@link #choose} runs the fallback chain, cheap enough for the event loop.
 */
public record ArticleLocales(String locale, Map<String, String> slugs) {

    /** At most this many language ranges of an {@code Accept-Language} header are looked at. */
    static final int MAX_RANGES = 20;

    public ArticleLocales {
        slugs = Map.copyOf(slugs);
    }

    /**
     * The slug to answer with: for each wanted tag in order, the tag itself, then ever shorter prefixes
     * ({@code de-AT} then {@code de}), then any live locale of that language; then the default locale; else this
     * article itself.
     */
    public String choose(List<String> wanted, String defaultLocale) {
        for (String tag : wanted) {
            Optional<String> canonical = Locales.canonical(tag);
            if (canonical.isEmpty()) {
                continue;
            }
            for (String candidate = canonical.get(); !candidate.isEmpty(); candidate = shorter(candidate)) {
                if (slugs.containsKey(candidate)) {
                    return slugs.get(candidate);
                }
            }
            String language = Locale.forLanguageTag(canonical.get()).getLanguage();
            Optional<String> sameLanguage = slugs.keySet().stream().sorted()
                    .filter(live -> Locale.forLanguageTag(live).getLanguage().equals(language)).findFirst();
            if (sameLanguage.isPresent()) {
                return slugs.get(sameLanguage.get());
            }
        }
        return slugs.getOrDefault(defaultLocale, slugs.get(locale));
    }

    /**
     * The tags of an {@code Accept-Language} header, most wanted first ({@code q=0} and {@code *} dropped); a
     * malformed range is skipped, never an error.
     */
    public static List<String> ranges(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        record Range(String tag, double q, int position) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = acceptLanguage.split(",", MAX_RANGES + 1);
        for (int i = 0; i < Math.min(parts.length, MAX_RANGES); i++) {
            String[] pieces = parts[i].split(";");
            String tag = pieces[0].strip();
            double q = 1;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!tag.isEmpty() && !tag.equals("*") && q > 0) {
                ranges.add(new Range(tag, q, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::position));
        return ranges.stream().map(Range::tag).toList();
    }

    private static String shorter(String tag) {
        int dash = tag.lastIndexOf('-');
        return dash < 0 ? "" : tag.substring(0, dash);
    }
}
