package health.cms.webhooks;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends one signed webhook request with {@link HttpClient}: Standard Webhooks headers, connect and
 * request timeouts covering the whole exchange, redirects never followed (a redirect could lead to an
 * address the target guard refused), and at most the first kilobyte of the answer kept for the log.
 */
@ApplicationScoped
public class WebhookSender {

    static final int KEPT_RESPONSE_BYTES = 1000;

    /** The outcome of one request: a status code, or the kind of failure that prevented one. */
    public record Result(Integer statusCode, Failure failure, String detail, String responseExcerpt,
            Duration retryAfter) {

        /** Why no HTTP status came back. */
        public enum Failure {
            TIMEOUT, CONNECTION, REFUSED_TARGET
        }

        public boolean accepted() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** Timeouts, connection errors, 408, 429 and 5xx may succeed later; other answers will not. */
        public boolean retryable() {
            if (failure != null) {
                return failure != Failure.REFUSED_TARGET;
            }
            return statusCode == 408 || statusCode == 429 || statusCode >= 500;
        }

        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }

        public String describe() {
            if (failure != null) {
                return switch (failure) {
                    case TIMEOUT -> "timed out: " + detail;
                    case CONNECTION -> "connection failed: " + detail;
                    case REFUSED_TARGET -> "target refused: " + detail;
                };
            }
            return "HTTP " + statusCode + (statusCode >= 300 && statusCode < 400 ? " (redirects are not followed)" : "");
        }

        static Result refused(String why) {
            return new Result(null, Failure.REFUSED_TARGET, why, null, null);
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    WebhookSender(WebhooksConfig config) {
        this.requestTimeout = config.requestTimeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Result send(String url, String messageId, long timestampSeconds, String body, List<String> secrets) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "medical-cms-webhooks/1")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestampSeconds))
                    .header("webhook-signature", WebhookSignatures.header(secrets, messageId, timestampSeconds, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return Result.refused("not a valid URL: " + e.getMessage());
        }
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                info -> new Excerpt(KEPT_RESPONSE_BYTES));
        try {
            // the client's own timeout ends at the response headers; this bound also covers a trickling body
            HttpResponse<String> response = exchange.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new Result(response.statusCode(), null, null, response.body(), retryAfter(response));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Result(null, Result.Failure.TIMEOUT, "no complete answer within " + seconds(requestTimeout), null,
                    null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(null, Result.Failure.CONNECTION, "interrupted while sending (instance stopping)", null, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                return new Result(null, Result.Failure.TIMEOUT, "could not connect within the connect timeout", null,
                        null);
            }
            if (cause instanceof HttpTimeoutException) {
                return new Result(null, Result.Failure.TIMEOUT, "no answer within " + seconds(requestTimeout), null, null);
            }
            String detail = cause instanceof ConnectException
                    ? "connection refused"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new Result(null, Result.Failure.CONNECTION, detail, null, null);
        }
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Retry-After in seconds (429 and 503 may carry it); dates and nonsense are ignored. */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,7}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    /** Reads the whole answer (so the connection can be reused) but keeps only its first bytes. */
    private static final class Excerpt implements HttpResponse.BodySubscriber<String> {

        private final byte[] kept;
        private int length;
        private final CompletableFuture<String> result = new CompletableFuture<>();

        Excerpt(int limit) {
            this.kept = new byte[limit];
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), kept.length - length);
                buffer.get(kept, length, take);
                length += take;
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new String(kept, 0, length, StandardCharsets.UTF_8));
        }
    }
}
