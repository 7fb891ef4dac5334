package health.cms.delivery.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The language fallback chain and the reading of {@code Accept-Language}, without a server. */
class ArticleLocalesTest {

    private static final ArticleLocales IMMUNOTHERAPY = new ArticleLocales("de",
            Map.of("en", "immunotherapy", "de", "immuntherapie", "es-MX", "inmunoterapia"));

    @Test
    void anExactTagWinsThenItsShorterFormThenAnyLocaleOfItsLanguage() {
        assertEquals("immunotherapy", IMMUNOTHERAPY.choose(List.of("en"), "en"));
        assertEquals("immuntherapie", IMMUNOTHERAPY.choose(List.of("de-AT"), "en"));
        assertEquals("inmunoterapia", IMMUNOTHERAPY.choose(List.of("es"), "en"));
        assertEquals("immuntherapie", IMMUNOTHERAPY.choose(List.of("fr", "DE"), "en"), "tags are matched in any case");
    }

    @Test
    void nothingWantedIsLiveSoTheDefaultLocaleAnswersElseTheArticleAsked() {
        assertEquals("immunotherapy", IMMUNOTHERAPY.choose(List.of("fr", "not a tag"), "en"));
        assertEquals("immuntherapie", IMMUNOTHERAPY.choose(List.of("fr"), "pt"));
    }

    @Test
    void acceptLanguageIsReadByQualityKeepingTheOrderOfEqualOnesAndDroppingRefusedRanges() {
        assertEquals(List.of("de-AT", "es", "en"), ArticleLocales.ranges("en;q=0.5, de-AT, fr;q=0, es;q=0.8, *;q=0.1"));
        assertEquals(List.of("de", "en"), ArticleLocales.ranges("de, en"));
        assertEquals(List.of(), ArticleLocales.ranges(" "));
        assertEquals(List.of("en"), ArticleLocales.ranges("en, de;q=oops"), "a malformed quality refuses that range");
    }
}
