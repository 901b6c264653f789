package id.ruangaman.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.channel.outbound.PlatformCalls;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Bot API through Telegram Bots Java's OkHttp client, pointed at {@code TELEGRAM_API_URL}. File
 * downloads are built from the same base, because the library's own file URL is fixed to
 * api.telegram.org. The token is only ever part of request paths, never of a log line.
 */
@ApplicationScoped
class TelegramApi {

    private static final java.util.regex.Pattern TRAILING_SLASHES = java.util.regex.Pattern.compile("/+$");

    /** Writes a method's JSON as Telegram Bots Java's client does (a plain mapper over the types' annotations). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    /** For a call outside the outbox's rate limit (answerCallbackQuery): no permit to wait for, nothing to tell. */
    private static final Runnable NOTHING = () -> { };
    private static final PlatformCalls UNPACED = () -> NOTHING;

    private final TelegramConfig config;
    private final OkHttpClient http;
    private volatile TelegramClient client;

    @Inject
    TelegramApi(TelegramConfig config, ChannelsConfig channels) {
        this(config, channels.outboundMaxWorkers() + channels.inboundWorkers() + 1);
    }

    /**
     * {@code concurrentCalls}: the most calls this service may have under way at once (the channel's senders, the
     * workers fetching files, the long poll). Telegram Bots Java runs even a blocking
     * {@code execute} as an asynchronous OkHttp call, and OkHttp's dispatcher lets only 5 asynchronous calls to one
     * host run at once by default and keeps 5 idle connections: sends beyond the fifth would wait in the client's
     * queue, holding their rate permit, and a connection would be opened and closed for each of them. The callers
     * bound the calls, so the client lets them all through and keeps their connections.
     */
    TelegramApi(TelegramConfig config, int concurrentCalls) {
        this.config = config;
        Duration timeout = config.requestTimeout();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrentCalls);
        dispatcher.setMaxRequestsPerHost(concurrentCalls);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrentCalls, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.plusSeconds(5))
                .retryOnConnectionFailure(false)
                .build();
    }

    public TelegramClient client() {
        TelegramClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new OkHttpTelegramClient(http, config.botToken().orElseThrow(), telegramUrl(config.apiUrl()));
                }
                current = client;
            }
        }
        return current;
    }

    /** Whether the library's client ({@link #client()}) has been built: only the calls that need its types build it. */
    boolean clientBuilt() {
        return client != null;
    }

    /**
     * The fields of a Bot API answer a send needs (core.telegram.org/bots/api#making-requests): {@code ok}, the sent
     * message's {@code result.message_id} (null when absent), and for a refusal {@code error_code}, {@code description}
     * and {@code parameters.retry_after} (seconds; null when absent). {@code errorCode} is 0 when the answer could not
     * be read: the request may then have been carried out.
     */
    record Answer(boolean ok, Long messageId, int errorCode, String description, Integer retryAfter) {

        static final Answer UNREADABLE = new Answer(false, null, 0, null, null);

        /** Reads an answer's body with Jackson's tree, never into the library's types. */
        static Answer read(String body) {
            JsonNode root;
            try {
                root = body == null ? null : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return UNREADABLE;
            }
            if (root == null || !root.isObject() || !root.path("ok").isBoolean()) {
                return UNREADABLE;
            }
            if (root.get("ok").booleanValue()) {
                JsonNode id = root.path("result").path("message_id");
                return new Answer(true, id.canConvertToLong() ? id.longValue() : null, 0, null, null);
            }
            JsonNode code = root.path("error_code");
            JsonNode description = root.path("description");
            JsonNode retryAfter = root.path("parameters").path("retry_after");
            return new Answer(false, null, code.canConvertToInt() ? code.intValue() : 0,
                    description.isTextual() ? description.textValue() : null,
                    retryAfter.canConvertToInt() ? retryAfter.intValue() : null);
        }
    }

    /**
     * Calls a Bot API method built with Telegram Bots Java's types, as its client would (a JSON POST to
     * {@code /bot<token>/<method>}), and reads only {@link Answer}'s fields of what comes back, whatever the HTTP
     * status: the library's client would read the whole answer into its types (for sendMessage, a {@code Message}
     * with everything it holds) and run the call through OkHttp's asynchronous dispatcher, whose one lock every sender
     * takes several times a call. This call runs on the calling thread. Throws for a network failure (a refused
     * connection, a timeout: {@link java.io.InterruptedIOException}).
     */
    Answer call(BotApiMethod<?> method) throws IOException {
        try {
            return call(method, UNPACED);
        } catch (InterruptedException e) {
            throw new IllegalStateException("an unpaced call never waits for a permit", e);
        }
    }

    /**
     * {@link #call(BotApiMethod)} under a rate permit from {@code calls}, taken once the request's JSON is written and
     * given back as soon as the answer's body has been received, before it is parsed: the permit is held only while
     * the request and its answer are on their way (issue 16). Throws {@link InterruptedException} when the service
     * stops while the call waits for its permit; nothing was sent then.
     */
    Answer call(BotApiMethod<?> method, PlatformCalls calls) throws IOException, InterruptedException {
        TelegramUrl url = telegramUrl(config.apiUrl());
        HttpUrl address = new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + config.botToken().orElseThrow()).addPathSegment(method.getMethod()).build();
        Request request = new Request.Builder().url(address)
                .post(RequestBody.create(JSON.writeValueAsString(method), JSON_TYPE)).build();
        String body;
        Runnable answered = calls.permit();
        try (Response response = http.newCall(request).execute()) {
            body = response.body() == null ? null : response.body().string();
        } finally {
            answered.run();
        }
        return Answer.read(body);
    }

    static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : ("http".equals(uri.getScheme()) ? 80 : 443);
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /** Thrown when a file is larger than allowed; nothing of it is kept. */
    public static class TooLarge extends IOException {
        TooLarge() {
            super("file larger than the configured limit");
        }
    }

    /** Downloads a file returned by getFile, reading at most {@code maxBytes}. */
    public byte[] download(String filePath, long maxBytes) throws IOException {
        String base = TRAILING_SLASHES.matcher(config.apiUrl()).replaceAll("");
        Request request = new Request.Builder()
                .url(base + "/file/bot" + config.botToken().orElseThrow() + "/" + filePath)
                .get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("file download answered HTTP " + response.code());
            }
            long declared = response.body().contentLength();
            if (declared > maxBytes) {
                throw new TooLarge();
            }
            try (InputStream in = response.body().byteStream()) {
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (content.length > maxBytes) {
                    throw new TooLarge();
                }
                return content;
            }
        }
    }
}
