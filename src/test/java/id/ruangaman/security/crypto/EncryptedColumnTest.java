package id.ruangaman.security.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.ContactRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EncryptedColumnTest {

    private static final String SENTINEL_NAME = "Nama-SENTINEL-91c2";
    private static final String SENTINEL_ID = "987654321012";

    @Inject
    ContactRepository contacts;

    @Inject
    DataSource dataSource;

    @Test
    void shouldStoreNoPlaintextInEncryptedColumns() throws Exception {
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, SENTINEL_ID);
            contact.displayName = SENTINEL_NAME;
            return contact.id;
        });

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select external_id, display_name, external_id_hash, "
                                + "encode(external_id, 'escape') || encode(display_name, 'escape') as as_text "
                                + "from contact where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                for (String column : new String[] { "external_id", "display_name", "external_id_hash" }) {
                    String raw = new String(row.getBytes(column), StandardCharsets.ISO_8859_1);
                    assertFalse(raw.contains(SENTINEL_NAME), column);
                    assertFalse(raw.contains(SENTINEL_ID), column);
                    String hex = HexFormat.of().formatHex(row.getBytes(column));
                    assertFalse(hex.contains(HexFormat.of().formatHex(SENTINEL_NAME.getBytes(StandardCharsets.UTF_8))), column);
                }
                assertFalse(row.getString("as_text").contains("SENTINEL"));
            }
        }

        Contact reloaded = QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.TELEGRAM, SENTINEL_ID).orElseThrow());
        assertEquals(id, reloaded.id);
        assertEquals(SENTINEL_NAME, reloaded.displayName);
        assertEquals(SENTINEL_ID, reloaded.externalId);
    }

    @Test
    void shouldLeaveUntouchedEncryptedColumnsAsStoredWhenAContactChanges() throws Exception {
        String externalId = "987654321099";
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findOrCreate(Channel.TELEGRAM, externalId);
            contact.displayName = SENTINEL_NAME;
            return contact.id;
        });
        byte[][] before = encryptedColumns(id);

        QuarkusTransaction.requiringNew().run(() -> {
            Contact contact = contacts.lock(id);
            contact.lastInboundAt = java.time.Instant.now();
            contact.floodCount++;
        });

        byte[][] after = encryptedColumns(id);
        // AES-GCM with a random IV: encrypting the same value again would give other bytes, so equal bytes mean the
        // update did not rewrite these columns
        assertTrue(java.util.Arrays.equals(before[0], after[0]), "external_id rewritten");
        assertTrue(java.util.Arrays.equals(before[1], after[1]), "display_name rewritten");
        Contact reloaded = QuarkusTransaction.requiringNew().call(() -> contacts.findByExternalId(Channel.TELEGRAM, externalId).orElseThrow());
        assertEquals(1, reloaded.floodCount);
        assertEquals(SENTINEL_NAME, reloaded.displayName);
    }

    private byte[][] encryptedColumns(long id) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select external_id, display_name from contact where id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return new byte[][] { row.getBytes(1), row.getBytes(2) };
            }
        }
    }
}
