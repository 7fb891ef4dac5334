package health.cms.webhooks;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one signed webhook request with the Vert.x {@link HttpClient} to the address the target guard
 * checked: Standard Webhooks headers, connect and request timeouts covering the whole exchange, redirects
 * never followed (a redirect could lead to an address the target guard refused), and at most the first
 * kilobyte of the answer kept for the log. Vert.x, because {@code java.net.http} resolves the URL's host
 * itself and offers no way to connect to a given address while keeping the name for TLS and Host.
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

    WebhookSender(Vertx vertx, WebhooksConfig config) {
        this.requestTimeout = config.requestTimeout();
        // verify-host (the default) checks the certificate against the target's name, not the address
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(config.maxConcurrency()));
    }

    /**
     * Posts the signed body to the checked target: the connection goes to {@code target.address()} (no
     * second DNS lookup), while the Host header, the TLS server name and the certificate check use the
     * target's host name.
     */
    public Result send(TargetGuard.Target target, String messageId, long timestampSeconds, String body,
            List<String> secrets) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setURI(pathAndQuery(target))
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "medical-cms-webhooks/1")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestampSeconds))
                .putHeader("webhook-signature", WebhookSignatures.header(secrets, messageId, timestampSeconds, body));
        Exchange exchange = new Exchange();
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                exchange.answer.completeExceptionally(requested.cause());
                return;
            }
            HttpClientRequest request = requested.result();
            exchange.request = request;
            if (exchange.answer.isDone()) {
                request.reset(); // connected only after the sender gave up: send nothing
                return;
            }
            request.response().onComplete(responded -> {
                if (responded.failed()) {
                    exchange.answer.completeExceptionally(responded.cause());
                    return;
                }
                exchange.headersArrived = true;
                HttpClientResponse response = responded.result();
                Excerpt excerpt = new Excerpt(KEPT_RESPONSE_BYTES);
                response.handler(excerpt::add);
                response.exceptionHandler(exchange.answer::completeExceptionally);
                response.endHandler(end -> exchange.answer.complete(new Result(response.statusCode(), null, null,
                        excerpt.text(), retryAfter(response.getHeader("Retry-After")))));
            });
            request.end(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
        });
        try {
            // one bound on the whole exchange, so a receiver trickling its answer cannot hold a sender
            return exchange.answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.abort();
            return new Result(null, Result.Failure.TIMEOUT,
                    (exchange.headersArrived ? "no complete answer within " : "no answer within ")
                            + seconds(requestTimeout),
                    null, null);
        } catch (InterruptedException e) {
            exchange.abort();
            Thread.currentThread().interrupt();
            return new Result(null, Result.Failure.CONNECTION, "interrupted while sending (instance stopping)", null, null);
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
    }

    private static Result failed(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new Result(null, Result.Failure.TIMEOUT, "could not connect within the connect timeout", null, null);
        }
        String detail = cause instanceof ConnectException
                ? "connection refused"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Result(null, Result.Failure.CONNECTION, detail, null, null);
    }

    private static String pathAndQuery(TargetGuard.Target target) {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                ? "/"
                : target.uri().getRawPath();
        return target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery();
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Retry-After in seconds (429 and 503 may carry it); dates and nonsense are ignored. */
    private static Duration retryAfter(String header) {
        return Optional.ofNullable(header).map(String::strip).filter(v -> v.matches("\\d{1,7}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }

    /** One request on its way: the answer when it comes, and the request to reset if it does not come in time. */
    private static final class Exchange {

        final CompletableFuture<Result> answer = new CompletableFuture<>();
        volatile HttpClientRequest request;
        volatile boolean headersArrived;

        void abort() {
            answer.cancel(true);
            HttpClientRequest sent = request;
            if (sent != null) {
                sent.reset();
            }
        }
    }

    /** Reads the whole answer (so the connection can be reused) but keeps only its first bytes. */
    private static final class Excerpt {

        private final byte[] kept;
        private int length;

        Excerpt(int limit) {
            this.kept = new byte[limit];
        }

        void add(Buffer buffer) {
            int take = Math.min(buffer.length(), kept.length - length);
            buffer.getBytes(0, take, kept, length);
            length += take;
        }

        String text() {
            return new String(kept, 0, length, StandardCharsets.UTF_8);
        }
    }
}
