package health.cms.core.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class HttpUrlsTest {

    @Test
    void acceptsHttpAndHttpsInAnyCaseAndBlankAsNone() {
        for (String url : new String[]{"https://example.org/a?b=c", "http://example.org", " HTTPS://EXAMPLE.ORG ", "",
                "  ", null}) {
            assertEquals(Optional.empty(), HttpUrls.problem(url), String.valueOf(url));
        }
    }

    @Test
    void refusesEveryOtherSchemeAndTextThatIsNoUrl() {
        for (String url : new String[]{"javascript:alert(1)", "data:text/html,x", "ftp://example.org/file",
                "file:///etc/passwd", "example.org", "https://", "https://exa mple.org", "//example.org"}) {
            assertEquals(Optional.of(HttpUrls.PROBLEM), HttpUrls.problem(url), url);
        }
    }
}
