package health.cms.outside;

import java.time.Instant;

import health.cms.core.article.Article;

/** Breaks the one-door rule on purpose, so the architecture test shows that it catches such a call. */
public final class SneakyPublisher {

    private SneakyPublisher() {
    }

    public static void publish(Article article) {
        article.goLive(Instant.now(), null);
    }
}
