package id.ruangaman.channel.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.channel.outbound.PlatformCalls;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The Graph API through the Quarkus REST client, with the bearer token in a header (never in a URL).
 * Media is fetched in two steps, as Meta requires: look up the URL, then download it with the token.
 */
@ApplicationScoped
class WhatsAppGraph {

    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

    private final WhatsAppConfig config;
    /**
     * Connections kept to the Graph API: one for each call this service may have under way at once (the channel's
     * senders, the workers fetching media), so no send waits in the client for a connection while it holds its rate
     * permit (the client's default is 50).
     */
    private final int connections;
    private final ObjectMapper json;
    private volatile GraphApi api;

    WhatsAppGraph(WhatsAppConfig config, ChannelsConfig channels, ObjectMapper json) {
        this.config = config;
        this.connections = channels.outboundMaxWorkers() + channels.inboundWorkers();
        this.json = json;
    }

    GraphApi api() {
        GraphApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    api = builder(config.apiUrl()).build(GraphApi.class);
                }
                current = api;
            }
        }
        return current;
    }

    private QuarkusRestClientBuilder builder(String baseUrl) {
        long timeout = config.requestTimeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(baseUrl))
                .connectTimeout(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, connections);
    }

    String bearer() {
        return "Bearer " + config.accessToken().orElseThrow();
    }

    /**
     * Sends {@code message} under a rate permit from {@code calls}, taken once the message's JSON is written, and waits
     * for the Graph API's answer, for as long as the client's own connect and read time-outs let the call run. What the
     * permit returned ({@code answered}) runs as soon as the answer (or the failure) is there, on the client's
     * I/O thread, and before this method returns: the wait is on the stage that runs it. Under load the hand-over back
     * to the waiting thread took tens of milliseconds, and the rate limit counted it as part of the call (issue 16,
     * thirty-seventh round). A refusal is thrown as the client's {@link jakarta.ws.rs.WebApplicationException}; a
     * network failure, a time-out or an interrupt (the message may have gone out) as a {@link ProcessingException}.
     *
     * <p>The message's JSON is written here, on the calling thread, before the permit is taken, and the answer's read
     * here after {@code answered} has run, outside the time the send holds its rate permit: the client would write and
     * read the JSON trees on its I/O thread, the reading inside that time (issue 16, forty-second round). An answer
     * that is blank or not JSON is returned as a {@link MissingNode}; the sender takes it as possibly sent. (The client
     * used to throw an HTTP 200 "refusal" for it, and the sender then counted it refused.)
     */
    JsonNode send(JsonNode message, PlatformCalls calls) throws InterruptedException {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message cannot be written as JSON", e);
        }
        GraphApi client = api();
        String phoneNumberId = config.phoneNumberId().orElseThrow();
        String bearer = bearer();
        Runnable answered = calls.permit();
        CompletableFuture<String> call = client.send(phoneNumberId, bearer, body).toCompletableFuture()
                .whenComplete((answer, failure) -> answered.run());
        String answer;
        try {
            answer = call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException("interrupted while waiting for the Graph API's answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new ProcessingException(e.getCause());
        }
        try {
            return answer == null || answer.isBlank() ? MissingNode.getInstance() : json.readTree(answer);
        } catch (JsonProcessingException unreadable) {
            return MissingNode.getInstance();
        }
    }

    /** Thrown when media is larger than allowed; nothing of it is kept. */
    static class TooLarge extends IOException {
        TooLarge() {
            super("media larger than the configured limit");
        }
    }

    record Downloaded(byte[] content, String mimeType) {
    }

    Downloaded download(String mediaId, long maxBytes) throws IOException {
        JsonNode info;
        try {
            info = api().media(mediaId, bearer());
        } catch (WebApplicationException e) {
            throw new IOException("media lookup answered HTTP " + e.getResponse().getStatus());
        }
        if (info.path("file_size").asLong(0) > maxBytes) {
            throw new TooLarge();
        }
        String url = info.path("url").asText(null);
        if (url == null) {
            throw new IOException("media lookup returned no URL");
        }
        GraphApi.Download download = builder(url).build(GraphApi.Download.class);
        try (Response response = download.get(bearer()); InputStream in = response.readEntity(InputStream.class)) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                throw new TooLarge();
            }
            return new Downloaded(content, info.path("mime_type").asText(null));
        } catch (WebApplicationException e) {
            throw new IOException("media download answered HTTP " + e.getResponse().getStatus());
        }
    }
}
