package health.cms.core.locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import health.cms.core.refusal.Refusal;

/** Which configured locale a request's {@code ?locale=} names (feeds, search). */
class LocalesTest {

    private final Locales locales = new Locales("en", List.of("en", "de", "es-MX"));

    @Test
    void aRequestGetsTheTagItselfItsLanguageOrTheDefault() {
        assertEquals("en", locales.requested("locale", null), "none asked: the default locale");
        assertEquals("de", locales.requested("locale", "DE"), "any case");
        assertEquals("de", locales.requested("locale", "de-AT"), "a regional tag of a configured language");
        assertEquals("es-MX", locales.requested("locale", "es-mx"));
    }

    @Test
    void anotherLanguageIsRefusedNamingTheParameter() {
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class, () -> locales.requested("locale", "fr"));
        assertEquals(Map.of("locale", "must be one of the configured locales en, de, es-MX"), refused.fieldErrors());
        assertThrows(Refusal.Invalid.class, () -> locales.requested("locale", "es"), "es-MX does not cover all of es");
        assertThrows(Refusal.Invalid.class, () -> locales.requested("locale", "<script>"));
    }
}
