package id.ruangaman.channel.dev;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Media;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import id.ruangaman.intake.ConversationService;
import id.ruangaman.intake.FlowRegistry;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A local chat page for trying flows by hand, through the same engine, database and encryption as
 * the messengers. It exists only in dev and test builds: production jars do not contain it.
 */
@IfBuildProfile(anyOf = { "dev", "test" })
@Path("/dev/chat")
public class DevChatResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<String> flows);

        /** {@code lastPrompt}: index of the last line with buttons; older buttons look inactive (their question is answered). */
        static native TemplateInstance chat(String token, List<DevChatLine> lines, int lastPrompt, String query);
    }

    private final ContactRepository contacts;
    private final ChatMessageRepository messages;
    private final MediaRepository media;
    private final ConversationService conversations;
    private final FlowRegistry flows;
    private final Clock clock;

    DevChatResource(ContactRepository contacts, ChatMessageRepository messages, MediaRepository media,
            ConversationService conversations, FlowRegistry flows, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.media = media;
        this.conversations = conversations;
        this.flows = flows;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        return Templates.index(flows.flowIds().stream().sorted().toList());
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String flow) {
        if (flow == null || !flows.flowIds().contains(flow)) {
            throw new BadRequestException("unknown flow");
        }
        String token = UUID.randomUUID().toString();
        long contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.DEV, token).id);
        conversations.receive(contactId, new Input.Text("/start"), flow);
        return backTo(token, null);
    }

    @GET
    @Path("/{token}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance chat(@RestPath String token, @RestQuery Long erased) {
        List<DevChatLine> lines = QuarkusTransaction.requiringNew().call(() -> {
            // Just after /hapus the chat's contact is unlinked from the token (as a Telegram chat id is): what the erasure
            // kept of it (its confirmation, the erased lines) is shown above whatever the chat has said since.
            Optional<Contact> before = erasedContact(erased);
            Optional<Contact> current = contacts.findByExternalId(Channel.DEV, token);
            if (before.isEmpty() && current.isEmpty()) {
                throw new NotFoundException();
            }
            List<DevChatLine> all = new java.util.ArrayList<>();
            before.ifPresent(contact -> all.addAll(DevChatLine.all(messages.transcript(contact.id))));
            current.ifPresent(contact -> all.addAll(DevChatLine.all(messages.transcript(contact.id))));
            return all;
        });
        int lastPrompt = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).fromPerson() && lines.get(i).choices() != null && !lines.get(i).choices().isEmpty()) {
                lastPrompt = i;
            }
        }
        // Right after /hapus the forms carry the erased contact, so the chat can go on under the same token.
        return Templates.chat(token, lines, lastPrompt, erased == null ? "" : "?erased=" + erased);
    }

    @POST
    @Path("/{token}/text")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response text(@RestPath String token, @RestQuery Long erased, @RestForm String text, @RestForm String forwarded) {
        if (text == null || text.isBlank()) {
            return backTo(token, erased);
        }
        long contactId = contactId(token, erased);
        // "forwarded from another chat" ticked: as Telegram's forward_origin or WhatsApp's context.forwarded would say
        Input.Text sent = new Input.Text(text);
        conversations.receive(contactId, "on".equals(forwarded) ? sent.asForwarded() : sent, null);
        return afterSend(token, contactId);
    }

    @POST
    @Path("/{token}/button")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response button(@RestPath String token, @RestQuery Long erased, @RestForm String data) {
        if (data == null || data.isBlank()) {
            throw new BadRequestException("missing button data");
        }
        long contactId = contactId(token, erased);
        conversations.receive(contactId, Input.ButtonPress.fromCallbackData(data), null);
        return afterSend(token, contactId);
    }

    @POST
    @Path("/{token}/other")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response other(@RestPath String token, @RestQuery Long erased, @RestForm String kind) {
        Input input = switch (kind == null ? "" : kind) {
            case "location" -> new Input.Location(-6.2, 106.8, "Contoh tempat", null); // synthetic, as a phone shares it
            case "contact" -> new Input.SharedContact("Contoh Saksi", java.util.List.of("+62 800 0000 0000"));
            case "sticker" -> new Input.Sticker();
            default -> new Input.Unsupported("poll");
        };
        long contactId = contactId(token, erased);
        conversations.receive(contactId, input, null);
        return afterSend(token, contactId);
    }

    @POST
    @Path("/{token}/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestPath String token, @RestQuery Long erased, @RestForm("file") FileUpload file, @RestForm String kind,
            @RestForm String caption, @RestForm String forwarded) throws IOException {
        MediaKind mediaKind;
        try {
            mediaKind = MediaKind.valueOf((kind == null || kind.isBlank() ? "document" : kind.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String reason = "unknown kind of upload";
            throw new BadRequestException(reason, Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(reason).build());
        }
        if (file == null || file.size() == 0) {
            return backTo(token, erased);
        }
        // an empty caption field is no caption, as a Telegram or WhatsApp upload without one carries none
        String captionSent = caption == null || caption.isBlank() ? null : caption.strip();
        byte[] content = Files.readAllBytes(file.uploadedFile());
        long contactId = contactId(token, erased);
        long mediaId = QuarkusTransaction.requiringNew().call(() -> {
            Media stored = new Media();
            stored.contactId = contactId;
            stored.kind = mediaKind.name().toLowerCase(Locale.ROOT);
            stored.mimeType = file.contentType();
            stored.sizeBytes = content.length;
            stored.content = content;
            stored.createdAt = Instant.now(clock);
            stored.forwarded = "on".equals(forwarded);
            media.persist(stored);
            return stored.id;
        });
        conversations.receive(contactId, new Input.Media(String.valueOf(mediaId), mediaKind, captionSent, "on".equals(forwarded)), null);
        return afterSend(token, contactId);
    }

    /**
     * The chat's contact. Right after /hapus ({@code erased}: the contact the token named until then, now unlinked) a
     * message in the same chat makes a new contact under the token, as a Telegram chat writing again after its erasure
     * does; any other token no chat was started with is refused (404).
     */
    private long contactId(String token, Long erased) {
        return QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.DEV, token)
                .or(() -> erasedContact(erased).map(gone -> contacts.findOrCreate(Channel.DEV, token)))
                .orElseThrow(NotFoundException::new).id);
    }

    /** The dev chat's contact {@code id} if /hapus erased it (its token unlinked); empty for any other id or none. */
    private Optional<Contact> erasedContact(Long id) {
        return Optional.ofNullable(id).map(value -> contacts.<Contact>findById(value))
                .filter(contact -> contact.channel == Channel.DEV && contact.externalId == null);
    }

    /** Back to the chat; once {@code contactId} was erased ({@code /hapus} unlinks it from the token) still the chat, showing the erasure's answer. */
    private Response afterSend(String token, long contactId) {
        boolean erased = QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.DEV, token).isEmpty());
        return Response.seeOther(URI.create("/dev/chat/" + token + (erased ? "?erased=" + contactId : "") + "#end")).build();
    }

    /** Back to the chat with nothing sent (an empty message), keeping {@code erased} where the chat was just erased. */
    private Response backTo(String token, Long erased) {
        return Response.seeOther(URI.create("/dev/chat/" + token + (erased == null ? "" : "?erased=" + erased) + "#end")).build();
    }
}
