package id.ruangaman.benchmark;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;

import id.ruangaman.conversation.Answer;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.IntakeRecord;
import id.ruangaman.security.crypto.BlindIndex;
import id.ruangaman.security.crypto.FieldCipher;
import id.ruangaman.security.crypto.KeyRing;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Writes synthetic cases straight into the database in one transaction: accounts with a bcrypt hash, then
 * contacts, intakes and messages with COPY, ids taken from a block reserved on each table's sequence, and
 * every sensitive column as real ciphertext under the given data key (the blind index derived from the same
 * key, the service's default). Nothing resembles a person: references start with {@code SY}, platform ids
 * and names read "synthetic".
 */
final class SyntheticCases {

    static final int COUNSELLORS = 6;
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int MESSAGES_PER_CASE = 5;

    /** What was written: the reference prefix shared by every case, the accounts (one password) and the cases. */
    record Seeded(String prefix, String password, List<String> counsellors, String coordinator, List<SyntheticCase> cases) {

        String reference(int index) {
            return reference(prefix, index);
        }

        static String reference(String prefix, int index) {
            return prefix + "-" + String.format("%06d", index);
        }
    }

    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final Instant now = Instant.now();

    SyntheticCases(String dataKeyBase64) {
        byte[] key = Base64.getDecoder().decode(dataKeyBase64.trim());
        KeyRing keys = KeyRing.of(key, List.of(), key);
        this.cipher = new FieldCipher(keys);
        this.blindIndex = new BlindIndex(keys);
    }

    Seeded seed(DataSource database, int total) throws SQLException {
        SecureRandom secure = new SecureRandom();
        StringBuilder prefix = new StringBuilder("SY");
        for (int i = 0; i < 3; i++) {
            prefix.append(ALPHABET.charAt(secure.nextInt(ALPHABET.length())));
        }
        byte[] secret = new byte[18];
        secure.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Random random = new Random(20_240_601L);
        List<SyntheticCase> cases = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            cases.add(SyntheticCase.draw(random, i, total, now, COUNSELLORS));
        }
        String user = "syn-" + prefix.toString().toLowerCase() + "-";
        List<String> counsellors = new ArrayList<>();
        for (int k = 1; k <= COUNSELLORS; k++) {
            counsellors.add(user + "counsellor-" + k);
        }
        Seeded seeded = new Seeded(prefix.toString(), password, List.copyOf(counsellors), user + "coordinator", List.copyOf(cases));
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            write(c, seeded);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // as a database that grew over months would be: statistics known, visibility map set, bulk writes on disk
                s.execute("vacuum (analyze) contact, intake, chat_message, inbox_event, account");
                s.execute("checkpoint");
            }
        }
        return seeded;
    }

    private void write(Connection c, Seeded seeded) throws SQLException {
        String hash = BcryptUtil.bcryptHash(seeded.password());
        List<Long> assignees = new ArrayList<>();
        for (String username : seeded.counsellors()) {
            assignees.add(account(c, username, hash, "counsellor"));
        }
        account(c, seeded.coordinator(), hash, "coordinator");
        List<SyntheticCase> cases = seeded.cases();
        long contactBase = reserve(c, "contact_seq", cases.size());
        long intakeBase = reserve(c, "intake_seq", cases.size());
        long messageCount = cases.stream().mapToLong(k -> MESSAGES_PER_CASE + k.unread()).sum();
        long messageBase = reserve(c, "chat_message_seq", messageCount);
        try (CopyStream contacts = new CopyStream(c, "contact", "id, channel, external_id_hash, external_id, display_name, language, "
                + "created_at, last_inbound_at")) {
            for (SyntheticCase k : cases) {
                String externalId = "synthetic-" + seeded.prefix().toLowerCase() + "-" + k.index();
                Instant lastInbound = k.unread() > 0 ? k.unreadTimes(now).get(k.unread() - 1) : k.receivedAt().minusSeconds(120);
                contacts.value(contactBase + k.index()).value(k.channel()).value(blindIndex.of("contact:" + k.channel(), externalId))
                        .value(cipher.encryptString(externalId)).value(k.index() % 2 == 0 ? cipher.encryptString("Synthetic " + k.index()) : null)
                        .value(k.language()).value(k.receivedAt().minusSeconds(1800)).value(lastInbound).endRow();
            }
        }
        try (CopyStream intakes = new CopyStream(c, "intake", "id, reference_code, contact_id, channel, flow_id, flow_revision, language, "
                + "reporter_role, victim_minor, in_danger, services, status, received_at, first_response_due_at, answers, "
                + "deleted_by_reporter_at, closed_reason, assignee_id, first_response_at, verification_started_at, status_changed_at, "
                + "last_read_at")) {
            for (SyntheticCase k : cases) {
                Instant changed = k.firstResponseAt() == null ? k.receivedAt() : k.firstResponseAt();
                intakes.value(intakeBase + k.index()).value(seeded.reference(k.index())).value(contactBase + k.index()).value(k.channel())
                        .value("intake").value("synthetic").value(k.language()).value(k.reporterRole()).value(k.victimMinor())
                        .value(k.inDanger()).value(k.services()).value(k.status()).value(k.receivedAt()).value(k.firstResponseDueAt())
                        .value(k.deleted() ? null : cipher.encryptString(answers(k))).value(k.deleted() ? changed : null)
                        .value(k.closedReason()).value(k.assignee() == null ? null : assignees.get(k.assignee())).value(k.firstResponseAt())
                        .value(k.verificationStartedAt()).value(changed).value(k.lastReadAt()).endRow();
            }
        }
        writeMessages(c, cases, contactBase, intakeBase, messageBase);
        try (PreparedStatement s = c.prepareStatement("insert into inbox_event (type, intake_id, assignee_id, created_at) "
                + "select 'intake', id, null, received_at from intake where id between ? and ? order by received_at")) {
            s.setLong(1, intakeBase);
            s.setLong(2, intakeBase + cases.size() - 1);
            s.executeUpdate();
        }
    }

    private void writeMessages(Connection c, List<SyntheticCase> cases, long contactBase, long intakeBase, long messageBase)
            throws SQLException {
        try (CopyStream messages = new CopyStream(c, "chat_message", "id, contact_id, intake_id, channel, direction, kind, body, status, created_at, sent_at")) {
            long id = messageBase;
            for (SyntheticCase k : cases) {
                long contact = contactBase + k.index();
                long intake = intakeBase + k.index();
                for (int m = 0; m < 3; m++) {
                    Instant at = k.receivedAt().minusSeconds(1200 - 500L * m);
                    inbound(messages, id++, contact, intake, k, at, "Pesan sintetis " + (m + 1));
                    if (m < 2) {
                        Instant sent = at.plusSeconds(5);
                        messages.value(id++).value(contact).value(intake).value(k.channel()).value("OUT").value("text")
                                .value(cipher.encryptString(json(new Output.Message("Balasan sintetis " + (m + 1), "synthetic", List.of(), false))))
                                .value("SENT").value(sent).value(sent).endRow();
                    }
                }
                int n = 0;
                for (Instant at : k.unreadTimes(now)) {
                    inbound(messages, id++, contact, intake, k, at, "Pesan sintetis lanjutan " + ++n);
                }
            }
        }
    }

    private void inbound(CopyStream messages, long id, long contact, long intake, SyntheticCase k, Instant at, String text)
            throws SQLException {
        messages.value(id).value(contact).value(intake).value(k.channel()).value("IN").value("text")
                .value(k.deleted() ? null : cipher.encryptString(json(new Input.Text(text)))).value(k.deleted() ? "ERASED" : "RECEIVED")
                .value(at).value(null).endRow();
    }

    private static String answers(SyntheticCase k) {
        Map<String, Answer> flat = new LinkedHashMap<>();
        flat.put("reporter_role", Answer.choice("single_choice", k.reporterRole(), null));
        flat.put("victim_minor", k.victimMinor() == null ? Answer.skipped("yes_no", null) : Answer.choice("yes_no", k.victimMinor(), null));
        flat.put("chronology", Answer.texts(List.of("Kronologi sintetis untuk uji beban, kasus " + k.index())));
        flat.put("services", Answer.choices(List.of(k.services().split(","))));
        flat.put("in_danger", Answer.choice("yes_no", k.inDanger() ? "yes" : "no", null));
        flat.put("safe_to_reply", Answer.choice("yes_no", "yes", null));
        return json(IntakeRecord.group(flat));
    }

    private static String json(Object value) {
        try {
            return SessionStateJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a synthetic " + value.getClass().getSimpleName(), e);
        }
    }

    private static long account(Connection c, String username, String hash, String role) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into account (username, password_hash, role, active, failed_logins, "
                + "created_at, password_set_at) values (?, ?, ?, true, 0, now(), now()) returning id")) {
            s.setString(1, username);
            s.setString(2, hash);
            s.setString(3, role);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * A block of {@code count} ids no running service will hand out: the sequence (increment 50, used by
     * Hibernate's pooled optimisers) is moved past the block, which starts one allocation after the value drawn.
     */
    private static long reserve(Connection c, String sequence, long count) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select nextval('" + sequence + "')")) {
            r.next();
            long drawn = r.getLong(1);
            try (PreparedStatement set = c.prepareStatement("select setval('" + sequence + "', ?)")) {
                set.setLong(1, drawn + count + 200);
                set.execute();
            }
            return drawn + 100;
        }
    }
}
