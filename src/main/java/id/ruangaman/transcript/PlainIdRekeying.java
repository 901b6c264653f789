package id.ruangaman.transcript;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import id.ruangaman.security.crypto.FieldCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * One-off conversion at start-up of rows written before V30: platform ids that can carry a phone number
 * (WhatsApp wamids) move out of plain columns. A transcript row's id becomes ciphertext plus lookup key;
 * a raw update's and a staged upload's id become the lookup key. Idempotent and in batches; on a database
 * without such rows it costs three reads of an empty partial index (chat_message_provider_idx, V3;
 * inbound_update_plain_id_idx and media_plain_ref_idx, V269), whatever the tables hold.
 */
@ApplicationScoped
class PlainIdRekeying {

    private static final Logger LOG = Logger.getLogger(PlainIdRekeying.class);
    private static final int BATCH = 500;
    /** A transcript row with a plain platform id; the predicate of chat_message_provider_idx (V3). */
    static final String PLAIN_TRANSCRIPT = "provider_message_id is not null";
    /** A raw WhatsApp update keyed by its plain wamid; the predicate of inbound_update_plain_id_idx (V269), word for word. */
    static final String PLAIN_INBOUND = "channel = 'WHATSAPP' and provider_id not like 'h1:%'";
    /** A staged WhatsApp upload named by its plain media id; the predicate of media_plain_ref_idx (V269), word for word. */
    static final String PLAIN_MEDIA = "source_ref like 'whatsapp:%' and source_ref not like 'whatsapp:h1:%'";

    private final EntityManager em;
    private final ProviderIds ids;
    private final FieldCipher cipher;

    PlainIdRekeying(EntityManager em, ProviderIds ids, FieldCipher cipher) {
        this.em = em;
        this.ids = ids;
        this.cipher = cipher;
    }

    void onStart(@Observes StartupEvent event) {
        int total = 0;
        int done;
        while ((done = QuarkusTransaction.requiringNew().call(this::transcriptBatch)) > 0) {
            total += done;
        }
        while ((done = QuarkusTransaction.requiringNew().call(this::inboundBatch)) > 0) {
            total += done;
        }
        while ((done = QuarkusTransaction.requiringNew().call(this::mediaBatch)) > 0) {
            total += done;
        }
        if (total > 0) {
            LOG.infof("Moved %d platform ids out of plain columns", total);
        }
    }

    @SuppressWarnings("unchecked")
    private int transcriptBatch() {
        List<Object[]> rows = em.createNativeQuery("select id, channel, provider_message_id from chat_message "
                + "where " + PLAIN_TRANSCRIPT + " limit ?1 for update skip locked").setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            String id = (String) row[2];
            em.createNativeQuery("update chat_message set provider_message = ?1, provider_message_key = ?2, "
                    + "provider_message_id = null where id = ?3")
                    .setParameter(1, cipher.encryptString(id))
                    .setParameter(2, ids.key(Channel.valueOf((String) row[1]), id))
                    .setParameter(3, ((Number) row[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private int inboundBatch() {
        List<Object[]> rows = em.createNativeQuery("select id, provider_id from inbound_update where "
                + PLAIN_INBOUND + " limit ?1 for update skip locked").setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("update inbound_update set provider_id = ?1 where id = ?2")
                    .setParameter(1, ids.key(Channel.WHATSAPP, (String) row[1]))
                    .setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private int mediaBatch() {
        List<Object[]> rows = em.createNativeQuery("select id, source_ref from media where "
                + PLAIN_MEDIA + " limit ?1 for update skip locked").setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            String ref = (String) row[1];
            em.createNativeQuery("update media set source_ref = ?1 where id = ?2")
                    .setParameter(1, "whatsapp:" + ids.key(Channel.WHATSAPP, ref.substring("whatsapp:".length())))
                    .setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }
}
