package id.ruangaman.channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A platform's webhook as a plain Vert.x route on the main router, ahead of the REST layer and of the HTTP security
 * filters ({@link #ORDER}). A webhook answers machines, checks its own secret or signature, and has no session, no
 * identity, no CSRF token and no page headers, so none of that machinery runs for it; per acknowledgement that was
 * about half of the event loop's CPU (request mapping, CDI request scope, the form login's identity, reader lookup).
 *
 * <p>The body is read on the event loop up to {@code quarkus.http.limits.max-body-size} (a larger one is answered 413
 * and not kept), then handed to the receiver with the request's headers; the receiver answers with a stage, which
 * may complete on another thread: the answer is written on the request's own event loop (the group commit answers
 * there). Error answers carry a short JSON body {@code {"error": "..."}}, never an exception's text. A 200 may carry a
 * JSON body the platform acts on ({@link Answer#replying}: Telegram runs one Bot API method given in its webhook's
 * answer).
 */
public final class WebhookRoute {

    /**
     * Route order on the main router: before the filters (CORS -300, authentication -200, authorisation -100 in
     * Quarkus's SecurityHandlerPriorities; a filter's order is minus its priority) and the REST layer.
     */
    public static final int ORDER = -1_000;

    private WebhookRoute() {
    }

    /**
     * A webhook's answer: 200, or a status with its error text; {@code retryAfterSeconds} if > 0; {@code reply}: a
     * 200's JSON body (null: an empty body).
     */
    public record Answer(int status, String error, int retryAfterSeconds, String reply) {

        public static final Answer OK = new Answer(200, null, 0);

        public Answer(int status, String error, int retryAfterSeconds) {
            this(status, error, retryAfterSeconds, null);
        }

        /**
         * 200 with {@code json} as the body ({@code application/json}), for a platform that acts on its webhook's answer:
         * Telegram runs the Bot API method it names in {@code method}, without telling whether it succeeded
         * (https://core.telegram.org/bots/api#making-requests-when-getting-updates).
         */
        public static Answer replying(String json) {
            return new Answer(200, null, 0, json);
        }

        public static Answer error(int status, String reason) {
            return new Answer(status, reason, 0);
        }

        public static Answer notConfigured() {
            return error(404, "channel not configured");
        }

        /** The platform should retry later: nothing was committed. */
        public static Answer storageUnavailable() {
            return new Answer(503, "temporarily unavailable", 5);
        }

        public static CompletionStage<Answer> now(Answer answer) {
            return CompletableFuture.completedFuture(answer);
        }

        /**
         * 200 once a webhook's updates are committed, 503 with Retry-After when they were not (the database failed or
         * too many updates wait): never a 200 for anything not committed.
         */
        public static CompletionStage<Answer> afterCommit(CompletionStage<Integer> stored) {
            return afterCommit(stored, OK);
        }

        /** As {@link #afterCommit(CompletionStage)}, answering {@code committed} (a 200) once the updates are committed. */
        public static CompletionStage<Answer> afterCommit(CompletionStage<Integer> stored, Answer committed) {
            return stored.handle((fresh, failure) -> failure == null ? committed : storageUnavailable());
        }
    }

    /**
     * Serves {@code POST path}: reads the body (at most {@code maxBodyBytes}), then answers what the receiver answers
     * for the request's headers and body.
     */
    public static void post(Router router, String path, long maxBodyBytes,
            BiFunction<MultiMap, byte[], CompletionStage<Answer>> receiver) {
        router.post(path).order(ORDER).handler(context -> read(context, maxBodyBytes, receiver));
    }

    private static void read(RoutingContext context, long maxBodyBytes, BiFunction<MultiMap, byte[], CompletionStage<Answer>> receiver) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = declared == null ? -1 : parseLength(declared);
        if (length > maxBodyBytes) {
            tooLarge(context);
            return;
        }
        Buffer body = Buffer.buffer(length > 0 ? (int) length : 1024);
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (!tooLarge[0] && body.length() + chunk.length() > maxBodyBytes) {
                tooLarge[0] = true;
            }
            if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(failure -> context.response().close());
        request.endHandler(ignored -> {
            if (tooLarge[0]) {
                tooLarge(context);
                return;
            }
            CompletionStage<Answer> answer;
            try {
                answer = receiver.apply(request.headers(), body.getBytes());
            } catch (RuntimeException e) {
                context.fail(e);
                return;
            }
            answer.whenComplete((done, failure) -> write(context, failure == null ? done : Answer.storageUnavailable()));
        });
        request.resume();
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 413, and the connection is closed rather than the rest of a body nobody wants read. */
    private static void tooLarge(RoutingContext context) {
        context.response().endHandler(ignored -> context.request().connection().close());
        write(context, Answer.error(413, "request too large"));
    }

    /** Writes the answer unless the connection has gone (the platform gave up; it retries). */
    private static void write(RoutingContext context, Answer answer) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(answer.status());
        if (answer.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
        }
        if (answer.error() == null && answer.reply() != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answer.reply());
        } else if (answer.error() == null) {
            response.end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", answer.error()).toBuffer());
        }
    }
}
