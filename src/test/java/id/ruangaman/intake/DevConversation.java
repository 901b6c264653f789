package id.ruangaman.intake;

import java.time.Instant;
import java.util.UUID;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.transcript.Media;
import id.ruangaman.transcript.MediaRepository;
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

    /** Answers everything up to the chronology question as a survivor for whom this chat is safe. */
    public DevConversation upToChronology() {
        return upToChronology("yes");
    }

    /**
     * Answers everything up to the chronology question as a survivor who chooses to tell more: {@code safeToReply} is
     * the safety answer ("yes", "quiet" or "no"); the kind of violence and the time are skipped, the place is online.
     */
    public DevConversation upToChronology(String safeToReply) {
        return button("language:id").upToChronologyAgain(safeToReply);
    }

    /**
     * As {@link #upToChronology()} for a new report in a chat whose language is already chosen: the flow does not ask
     * the language again (a new report after one, or starting over).
     */
    public DevConversation upToChronologyAgain() {
        return upToChronologyAgain("yes");
    }

    private DevConversation upToChronologyAgain(String safeToReply) {
        return button("consent:yes").button("in_danger:no").button("safe_to_reply:" + safeToReply)
                .button("reporter_role:victim").button("send_now:details").button("violence_type:skip").button("incident_when:skip")
                .button("victim_minor:no").button("incident_place:online");
    }

    /** After the chronology: no biodata, no reported person, no evidence, to the summary, and sends it. */
    public DevConversation restToSubmission(boolean safeToReply) {
        button("chronology:done").button("biodata_offer:no").button("reported_offer:no").button("evidence_consent:no")
                .button("services:skip").button("urgent_need:skip");
        if (safeToReply) {
            button("contact_offer:no");
        }
        return button("stats_consent:skip").button("summary:confirm");
    }
}
