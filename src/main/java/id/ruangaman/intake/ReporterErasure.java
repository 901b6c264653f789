package id.ruangaman.intake;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import id.ruangaman.channel.ChatMessageRepository;
import id.ruangaman.channel.Contact;
import id.ruangaman.channel.MediaRepository;

/**
 * Carries out {@code /hapus}: erases everything the person sent (message texts, answers, media and
 * their display name). Counsellors keep only an empty case shell marked "deleted by reporter".
 */
@ApplicationScoped
public class ReporterErasure {

    private static final Logger LOG = Logger.getLogger(ReporterErasure.class);
    public static final String CLOSED_REASON = "deleted_by_reporter";

    private final ChatMessageRepository messages;
    private final MediaRepository media;
    private final IntakeRepository intakes;
    private final Clock clock;
    @Inject
    Event<ReporterErased> erased;

    ReporterErasure(ChatMessageRepository messages, MediaRepository media, IntakeRepository intakes, Clock clock) {
        this.messages = messages;
        this.media = media;
        this.intakes = intakes;
        this.clock = clock;
    }

    /** Must run in the transaction of the conversation step that confirmed the deletion. */
    public void erase(Contact contact) {
        Instant now = Instant.now(clock);
        int erasedMessages = messages.eraseContent(contact.id);
        long erasedMedia = media.deleteAllOf(contact.id);
        long shells = intakes.update("answers = null, status = 'closed', closedReason = ?2, deletedByReporterAt = ?3, "
                + "violenceTypes = null, urgentMedical = false, childOnline = false, statsConsent = false "
                + "where contactId = ?1", contact.id, CLOSED_REASON, now);
        contact.displayName = null;
        erased.fire(new ReporterErased(contact.id));
        LOG.infof("Erased contact %d on request: %d messages, %d media, %d intakes kept as shells",
                contact.id, erasedMessages, erasedMedia, shells);
    }
}
