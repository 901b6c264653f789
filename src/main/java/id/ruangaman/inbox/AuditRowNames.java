package id.ruangaman.inbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import id.ruangaman.audit.AuditEvent;
import id.ruangaman.transcript.MediaRepository;

/**
 * What the audit log shows for the ids and instants in its rows' details (walkthrough 9, finding 17): an account by
 * its username ("Akun sari", not "Akun #2"), a counsellor's message and an evidence file by its number in the case, kind and time
 * ("Bukti 2 · Foto, 2026-12-01 07:50 WIB", the number the case page and every print give it; a file not kept for a case by
 * kind and time only), an instant in the inbox's zone ("Sampai: 2026-12-01 08:16 WIB"), and providers,
 * referrals, parties and interviews by the names {@link AuditNames} implementations give; one that is gone since (an
 * erasure, a discarded draft) as "(sudah dihapus)" rather than its id. A few statements per page, by id.
 */
@RequestScoped
public class AuditRowNames {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9]{1,18}");

    /** The detail words whose value is the id of a row (an account, a message, a party ...), never a count. */
    static final List<String> NAMED_BY_ID = List.of("account", "assignee", "message", "media", "referral", "referral_letter",
            "provider", "party", "interview");

    private final EntityManager em;
    private final InboxFormat fmt;
    private final Labels labels;
    private final Instance<AuditNames> features;
    private final MediaRepository media;

    AuditRowNames(EntityManager em, InboxFormat fmt, Labels labels, Instance<AuditNames> features, MediaRepository media) {
        this.em = em;
        this.media = media;
        this.fmt = fmt;
        this.labels = labels;
        this.features = features;
    }

    /** Token ({@code account:2}, {@code until:2026-12-01T01:16:13.944271213Z}) → what to show after the word's label. */
    public Map<String, String> of(Collection<AuditEvent> events) {
        Map<String, Set<Long>> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (AuditEvent e : events) {
            if (e.detail == null) {
                continue;
            }
            for (String token : SPACES.split(e.detail.trim())) {
                int colon = token.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = token.substring(0, colon);
                String value = token.substring(colon + 1);
                if ("until".equals(name)) {
                    instant(value).ifPresent(at -> names.put(token, fmt.at(at)));
                } else if (ID.matcher(value).matches()) {
                    ids.computeIfAbsent(name, k -> new TreeSet<>()).add(Long.valueOf(value));
                }
            }
        }
        Set<Long> accounts = new TreeSet<>();
        accounts.addAll(ids.getOrDefault("account", Set.of()));
        accounts.addAll(ids.getOrDefault("assignee", Set.of()));
        if (!accounts.isEmpty()) {
            for (Object[] row : rows("select a.id, a.username from Account a where a.id in :ids", accounts)) {
                names.put("account:" + row[0], (String) row[1]);
                names.put("assignee:" + row[0], (String) row[1]);
            }
        }
        if (ids.containsKey("message")) {
            for (Object[] row : rows("select m.id, m.createdAt from ChatMessage m where m.id in :ids", ids.get("message"))) {
                names.put("message:" + row[0], fmt.at((Instant) row[1]));
            }
        }
        if (ids.containsKey("media")) {
            // a file kept for its case by the case's evidence number, as the case page and the prints say it ("Bukti 2 · Foto"),
            // read through the one helper that numbers them
            Map<Long, Map<Long, Integer>> numbersByCase = new HashMap<>();
            for (Object[] row : rows("select m.id, m.kind, m.createdAt, m.intakeId, m.claimed from Media m where m.id in :ids",
                    ids.get("media"))) {
                Long intakeId = (Long) row[3];
                Integer n = Boolean.TRUE.equals(row[4]) && intakeId != null
                        ? numbersByCase.computeIfAbsent(intakeId, media::evidenceNumbers).get((Long) row[0]) : null;
                String number = n == null ? "" : n + " · ";
                names.put("media:" + row[0], number + labels.mediaKind((String) row[1]) + ", " + fmt.at((Instant) row[2]));
            }
        }
        for (AuditNames feature : features) {
            names.putAll(feature.names(ids));
        }
        // A thing named by id that none of the above found was erased or discarded since: say so, never "#12".
        for (String kind : NAMED_BY_ID) {
            for (Long id : ids.getOrDefault(kind, Set.of())) {
                names.putIfAbsent(kind + ":" + id, labels.auditGone());
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String jpql, Set<Long> ids) {
        return em.createQuery(jpql).setParameter("ids", ids).getResultList();
    }

    private static java.util.Optional<Instant> instant(String value) {
        try {
            return java.util.Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
