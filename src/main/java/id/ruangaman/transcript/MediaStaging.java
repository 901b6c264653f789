package id.ruangaman.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.conversation.MediaKind;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores a fetched upload, encrypted, before the conversation sees it. Keyed by the platform update
 * it came from, so a retried processing stores it once. Uploads no answer claims are deleted by the
 * conversation step that follows.
 */
@ApplicationScoped
public class MediaStaging {

    private final MediaRepository media;
    private final Clock clock;

    MediaStaging(MediaRepository media, Clock clock) {
        this.media = media;
        this.clock = clock;
    }

    /**
     * Returns the media id, new or from an earlier attempt of the same update. {@code forwarded}: the person forwarded
     * the file from another chat ({@link Media#forwarded}).
     */
    public long stage(long contactId, String sourceRef, MediaKind kind, String mimeType, byte[] content, boolean forwarded) {
        return QuarkusTransaction.requiringNew().call(() -> media.find("sourceRef", sourceRef).firstResultOptional()
                .map(existing -> existing.id)
                .orElseGet(() -> {
                    // the next step of this contact settles it (Contact#stagedMedia)
                    media.getEntityManager().createQuery("update Contact set stagedMedia = true where id = ?1")
                            .setParameter(1, contactId).executeUpdate();
                    Media stored = new Media();
                    stored.contactId = contactId;
                    stored.sourceRef = sourceRef;
                    stored.kind = kind.name().toLowerCase(Locale.ROOT);
                    stored.mimeType = mimeType == null ? null : mimeType.substring(0, Math.min(100, mimeType.length()));
                    stored.sizeBytes = content.length;
                    stored.content = content;
                    stored.forwarded = forwarded;
                    stored.createdAt = Instant.now(clock);
                    media.persist(stored);
                    return stored.id;
                }));
    }
}
