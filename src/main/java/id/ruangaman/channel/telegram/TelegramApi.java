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
import org.telegram.telegrambots.meta.generics.TelegramClient;

import id.ruangaman.channel.ChannelsConfig;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Bot API through Telegram Bots Java's OkHttp client, pointed at {@code TELEGRAM_API_URL}. File
 * downloads are built from the same base, because the library's own file URL is fixed to
 * api.telegram.org. The token is only ever part of request paths, never of a log line.
 */
@ApplicationScoped
class TelegramApi {

    private final TelegramConfig config;
    private final OkHttpClient http;
    private volatile TelegramClient client;

    @Inject
    TelegramApi(TelegramConfig config, ChannelsConfig channels) {
        this(config, channels.outboundMaxWorkers() + channels.inboundWorkers() + 1);
    }

    /**
     * {@code concurrentCalls}: the most calls this service may have under way at once (the channel's senders, the
     * workers answering button presses or fetching files, the long poll). Telegram Bots Java runs even a blocking
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
        String base = config.apiUrl().replaceAll("/+$", "");
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
