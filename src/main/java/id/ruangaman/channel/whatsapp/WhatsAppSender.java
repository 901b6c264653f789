package id.ruangaman.channel.whatsapp;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Outbox;
import id.ruangaman.channel.ServiceStop;
import id.ruangaman.channel.outbound.ChannelSender;
import id.ruangaman.channel.outbound.Outgoing;
import id.ruangaman.channel.outbound.PlatformCalls;
import id.ruangaman.channel.outbound.SendOutcome;

/**
 * Sends outbox rows through the Cloud API. Outside the 24-hour customer-service window a free-form
 * message is held and the approved invitation template is sent instead; the held message goes out
 * when the person writes again.
 */
@ApplicationScoped
class WhatsAppSender implements ChannelSender {

    static final Duration WINDOW = Duration.ofHours(24);
    /** Leave a margin so a message is not sent seconds before the window closes and then refused. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final WhatsAppConfig config;
    private final WhatsAppGraph graph;
    private final Outbox outbox;
    private final Clock clock;

    WhatsAppSender(WhatsAppConfig config, WhatsAppGraph graph, Outbox outbox, Clock clock) {
        this.config = config;
        this.graph = graph;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Builds the Graph API client before the first message is claimed. Built on the first send instead, the build ran
     * while that send held a claimed message and a rate permit, and the lane's other first sends waited for it.
     */
    @Override
    public void prepare() {
        graph.api();
    }

    /**
     * Sends {@code message} under one rate permit from {@code calls}, taken once its JSON is written
     * ({@link WhatsAppGraph#send}). A reply held outside the 24-hour window makes no request and takes no permit.
     */
    @Override
    public SendOutcome send(Outgoing message, PlatformCalls calls) throws InterruptedException {
        boolean invitation = "template".equals(message.kind());
        if (!invitation && !windowOpen(message.lastInboundAt())) {
            return holdAndInvite(message.contactId());
        }
        ObjectNode request = invitation
                ? WhatsAppMessageFormat.template(message.recipient(), config.templateName().orElse(""), config.templateLanguage())
                : WhatsAppMessageFormat.message(message.recipient(), message.body(), message.language());
        try {
            JsonNode response = graph.send(request, calls);
            if (response.isMissingNode()) {
                // A 2xx whose body is not the Graph API's JSON (a wrong WHATSAPP_API_URL, a proxy's page): WhatsApp
                // may have taken the message, so it is tried again and flagged, as Telegram's unreadable answer is.
                return new SendOutcome.RetryLater(Duration.ZERO, "unreadable WhatsApp answer", true);
            }
            String id = response.path("messages").path(0).path("id").asText(null);
            return new SendOutcome.Sent(id);
        } catch (WebApplicationException e) {
            SendOutcome outcome = classify(e.getResponse().getStatus(), errorCode(e));
            return outcome instanceof SendOutcome.Hold ? holdAndInvite(message.contactId()) : outcome;
        } catch (ProcessingException e) {
            if (ServiceStop.interrupted(e)) {
                return new SendOutcome.RetryLater(Duration.ZERO, "stopped while sending", true); // it may have gone out
            }
            boolean neverSent = e.getCause() instanceof ConnectException;
            return new SendOutcome.RetryLater(Duration.ZERO, "network: " + (e.getCause() == null ? "error"
                    : e.getCause().getClass().getSimpleName()), !neverSent);
        }
    }

    boolean windowOpen(Instant lastInboundAt) {
        return lastInboundAt != null
                && lastInboundAt.plus(WINDOW).minus(MARGIN).isAfter(Instant.now(clock));
    }

    private SendOutcome holdAndInvite(long contactId) {
        boolean invited = config.templateName().filter(name -> !name.isBlank())
                .map(name -> outbox.queueInvitation(contactId, name)).orElse(false);
        String reason = "outside WhatsApp's 24-hour window; sent when the person writes again";
        if (config.templateName().filter(name -> !name.isBlank()).isEmpty()) {
            reason += " (no invitation template configured)";
        } else if (invited) {
            reason += " (invitation template queued)";
        }
        return new SendOutcome.Hold(reason);
    }

    private static int errorCode(WebApplicationException e) {
        try {
            JsonNode error = e.getResponse().readEntity(JsonNode.class);
            return error.path("error").path("code").asInt(0);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    static SendOutcome classify(int httpStatus, int code) {
        if (code == 131047) {
            return new SendOutcome.Hold("outside WhatsApp's 24-hour window (131047)");
        }
        if (code == 130429 || code == 131056 || code == 131057 || code == 4 || code == 80007 || httpStatus == 429) {
            return new SendOutcome.RetryLater(Duration.ZERO, "WhatsApp rate limit (" + code + ")", false);
        }
        if (httpStatus >= 500 || code == 1 || code == 2 || code == 131000 || code == 131016) {
            return new SendOutcome.RetryLater(Duration.ZERO, "WhatsApp server error " + httpStatus + " (" + code + ")", false);
        }
        if (httpStatus == 401 || code == 190) {
            // A broken access token is an operator problem; keep the messages until it is fixed.
            return new SendOutcome.RetryLater(Duration.ofMinutes(1), "WhatsApp access token rejected (" + code + ")", false);
        }
        return new SendOutcome.Failed("WhatsApp refused the message: HTTP " + httpStatus + ", code " + code);
    }

    @Override
    public int maxPerSecond() {
        return config.maxPerSecond();
    }

    @Override
    public int perContactBurst() {
        return config.perUserBurst();
    }

    @Override
    public Duration perContactWindow() {
        return config.perUserWindow();
    }
}
