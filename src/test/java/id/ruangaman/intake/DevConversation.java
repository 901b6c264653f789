package id.ruangaman.intake;

import java.time.Instant;
import java.util.UUID;

import id.ruangaman.channel.Channel;
import id.ruangaman.channel.ContactRepository;
import id.ruangaman.channel.Media;
import id.ruangaman.channel.MediaRepository;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.MediaKind;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** A synthetic person chatting through the real conversation service, database and encryption. */
public final class DevConversation {

    public final long contactId;
    private final ConversationService conversations;
    private final MediaRepository media;

    public DevConversation(ContactRepository contacts, ConversationService conversations, MediaRepository media) {
        this.conversations = conversations;
        this.media = media;
        String token = UUID.randomUUID().toString();
        this.contactId = QuarkusTransaction.requiringNew().call(() -> contacts.findOrCreate(Channel.DEV, token).id);
        conversations.receive(contactId, new Input.Text("/start"), "intake");
    }

    public DevConversation text(String text) {
        conversations.receive(contactId, new Input.Text(text), null);
        return this;
    }

    public DevConversation button(String callbackData) {
        conversations.receive(contactId, Input.ButtonPress.fromCallbackData(callbackData), null);
        return this;
    }

    public long upload(MediaKind kind, byte[] content) {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Media stored = new Media();
            stored.contactId = contactId;
            stored.kind = kind.name().toLowerCase();
            stored.mimeType = "application/octet-stream";
            stored.sizeBytes = content.length;
            stored.content = content;
            stored.createdAt = Instant.now();
            media.persist(stored);
            return stored.id;
        });
        conversations.receive(contactId, new Input.Media(String.valueOf(id), kind, null), null);
        return id;
    }

    /** Answers everything up to the chronology question as a survivor who skips the biodata. */
    public DevConversation upToChronology() {
        return button("language:id").button("consent:yes").button("in_danger:no").button("reporter_role:victim")
                .button("victim_minor:no").button("name:skip").button("age_range:skip").button("gender:skip")
                .button("campus_status:skip").button("unit:skip").button("disability:skip")
                .button("incident_date:skip").button("incident_place:online");
    }
}
