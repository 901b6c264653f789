package id.ruangaman.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.jboss.logging.Logger;

import id.ruangaman.security.crypto.FieldCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Who an account is, for what people read: the name of the person who uses it ({@link Account#displayName(String, String)},
 * the username until a coordinator writes the name) and its role's code, which templates show as a label
 * ({@code inject:labels.accountRole}). In templates: {@code inject:people.name(username)}, {@code inject:people.names(csv)}.
 * Every page and letter that shows a person's name reads it here, never from a loaded {@link Account} (whose name is
 * decrypted as a whole entity: one unreadable name would fail the page).
 * Some records keep usernames (the audit log's actors), others account ids (a letter's team, a meeting's attendees):
 * this turns either into names when shown. The
 * accounts are read once per request (a handful of rows); a username that is no account (a system actor) is returned as
 * it is.
 */
@RequestScoped
@Named("people")
public class People {

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\t\\r\\n]+");

    /** An account as pages show it: its name by the rule, the name as written (null: none or unreadable), its role. */
    private record Person(long id, String username, String name, String written, String role) {
    }

    private static final Logger LOG = Logger.getLogger(People.class);

    private final AccountRepository accounts;
    private final FieldCipher cipher;
    private Map<String, Person> byUsername;
    private Map<Long, Person> byId;

    People(AccountRepository accounts, FieldCipher cipher) {
        this.accounts = accounts;
        this.cipher = cipher;
    }

    /**
     * The signed-in person's name for the page's header, as {@link #name} gives it (the username until a name is
     * written), or null where the accounts cannot be read: a page rendered on an I/O thread (an error page answering a
     * refused request), where {@link #name} would show the username although the account may have a name. The header then
     * says "Akun saya" (walkthrough of 7 December 2026).
     */
    public String ownName(String username) {
        Person p = username == null ? null : all().get(username);
        return p == null ? null : p.name();
    }

    /** The person's name for {@code username}; the username when the account has no name or there is no such account. */
    public String name(String username) {
        Person p = username == null ? null : all().get(username);
        return p == null ? username : p.name();
    }

    /**
     * The person's name for the account {@code accountId} (a reply's author is kept by id); "?" when there is no such
     * account any more.
     */
    public String nameOf(long accountId) {
        Person p = all().isEmpty() ? null : byId.get(accountId);
        return p == null ? "?" : p.name();
    }

    /**
     * Who a record names: the person's name for {@code accountId} when the record keeps the account (since V187), else
     * {@code fallback} as it was stored (a username that named no account when the record was converted, or a system
     * actor), shown as it is; "" when both are null.
     */
    public String who(Long accountId, String fallback) {
        if (accountId != null) {
            return nameOf(accountId);
        }
        return fallback == null ? "" : fallback;
    }

    /**
     * The person's name for an account id as a record keeps it ("12"); "?" when there is no such account or the id is not
     * a number.
     */
    public String nameOfAccount(String accountId) {
        Long id = idOf(accountId);
        return id == null ? "?" : nameOf(id);
    }

    /** The role code ({@link Role}) of an account id as a record keeps it ("12"); null for no such account. */
    public String roleOfAccount(String accountId) {
        Long id = idOf(accountId);
        return id == null ? null : roleOf(id);
    }

    /**
     * The name as a coordinator wrote it for the account {@code accountId}, for a record that keeps it as it was; null when
     * none is written (the pages then fall back to the username, which no letter may keep) or no such account.
     */
    public String writtenOf(long accountId) {
        Person p = all().isEmpty() ? null : byId.get(accountId);
        return p == null ? null : p.written();
    }

    /**
     * The name written for an account id as a record keeps it ("12", or the id itself), for a letter that leaves the task
     * force (the surat tugas, the referral letter): null when none is written or there is no such account, where a page
     * shows the username. Such a letter names people, never login names: it leaves a line to write the name by hand.
     */
    public String writtenOfAccount(Object accountId) {
        Long id = accountId == null ? null : idOf(accountId.toString());
        return id == null ? null : writtenOf(id);
    }

    /**
     * The names written now for comma-separated account ids ("12,7"), one a line in the same order, an empty line for an
     * account with none ({@link #writtenOf}), for a record that keeps its people as they were named
     * ({@link #namesOfAccountsAsRecorded}); null for no ids, or when no name is written for any of them (the record then
     * names them as they are named when shown). Line breaks and tabs in a name become spaces.
     */
    public String writtenOfAccounts(String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        List<String> names = Arrays.stream(csv.split(",")).filter(id -> !id.isBlank()).map(People::idOf)
                .map(id -> id == null ? null : writtenOf(id)).map(n -> n == null ? "" : LINE_BREAKS.matcher(n).replaceAll(" ")).toList();
        return names.stream().allMatch(String::isEmpty) ? null : String.join("\n", names);
    }

    /**
     * Who a record names, as it was named when the record was made: {@code kept}, the name written for the account then
     * (V245, V253), when there is one; else {@link #who}, the account as it is named now (or the stored fallback). For the
     * prints and letters, which must not change when an account is renamed later.
     */
    public String whoAsRecorded(String kept, Long accountId, String fallback) {
        return kept != null && !kept.isBlank() ? kept : who(accountId, fallback);
    }

    /**
     * Comma-separated account ids as the people's names, "Sri Wahyuni, Budi", each as the record kept it ({@code kept}: one
     * name a line in the ids' order, from {@link #writtenOfAccounts}); an account whose line is empty, or every account when
     * {@code kept} is null (a record from before it was kept), as it is named now ({@link #namesOfAccounts}).
     */
    public String namesOfAccountsAsRecorded(String csv, String kept) {
        if (kept == null || csv == null || csv.isBlank()) {
            return namesOfAccounts(csv);
        }
        List<String> ids = Arrays.stream(csv.split(",")).filter(id -> !id.isBlank()).toList();
        String[] names = kept.split("\n", -1);
        List<String> shown = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            shown.add(i < names.length && !names[i].isBlank() ? names[i] : nameOfAccount(ids.get(i)));
        }
        return String.join(", ", shown);
    }

    /** The role code ({@link Role}) of an account, active or not; null for no such account. */
    public String roleOf(long accountId) {
        Person p = all().isEmpty() ? null : byId.get(accountId);
        return p == null ? null : p.role();
    }

    /** Comma-separated account ids as the people's names, "Sri Wahyuni, Budi"; "" for null. */
    public String namesOfAccounts(String csv) {
        if (csv == null || csv.isBlank()) {
            return "";
        }
        return Arrays.stream(csv.split(",")).filter(id -> !id.isBlank()).map(this::nameOfAccount).collect(Collectors.joining(", "));
    }

    private static Long idOf(String accountId) {
        try {
            return accountId == null ? null : Long.valueOf(accountId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The name as a coordinator wrote it for {@code username}, for the field that edits it; "" when none is written or
     * it cannot be decrypted (then writing a name stores a readable one).
     */
    public String written(String username) {
        Person p = username == null ? null : all().get(username);
        return p == null || p.written() == null ? "" : p.written();
    }

    /**
     * The accounts called {@code text} now, by id: whose username or whose person's name (as shown) is {@code text},
     * ignoring case and the spaces around it; empty when none. For the audit log's filter by person (AuditResource).
     */
    public List<Long> accountsCalled(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String wanted = text.strip();
        all();
        return byId == null ? List.of() : byId.values().stream()
                .filter(p -> p.username().equalsIgnoreCase(wanted) || p.name().strip().equalsIgnoreCase(wanted)).map(Person::id).sorted()
                .toList();
    }

    /** Whether {@code username} is an account (not a system actor such as the bot). */
    public boolean known(String username) {
        return username != null && all().containsKey(username);
    }

    /** The account's role code ({@link Role}), null for no such account. */
    public String role(String username) {
        Person p = username == null ? null : all().get(username);
        return p == null ? null : p.role();
    }

    /** Comma-separated usernames as the people's names, "Sri Wahyuni, Budi"; "" for null. */
    public String names(String csv) {
        if (csv == null || csv.isBlank()) {
            return "";
        }
        return Arrays.stream(csv.split(",")).filter(u -> !u.isBlank()).map(this::name).collect(Collectors.joining(", "));
    }

    /**
     * Every account's name and role, read once per request. The names are decrypted one by one: a name that cannot be
     * decrypted (stored under a key this instance does not hold) shows the username instead of failing the whole page
     * (a list of cases must not fail because of one person's name). Logged by account id only.
     */
    private Map<String, Person> all() {
        if (byUsername == null && !io.quarkus.runtime.BlockingOperationControl.isBlockingAllowed()) {
            return Map.of(); // a page rendered on an I/O thread (an error page) names people by username, never fails
        }
        if (byUsername == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> accounts.getEntityManager()
                    .createNativeQuery("select id, username, role, full_name from account").getResultList());
            Map<String, Person> read = new HashMap<>();
            Map<Long, Person> ids = new HashMap<>();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                String username = (String) row[1];
                String written = written(id, (byte[]) row[3]);
                Person p = new Person(id, username, Account.displayName(written, username), written, (String) row[2]);
                read.put(username, p);
                ids.put(id, p);
            }
            byUsername = Map.copyOf(read);
            byId = Map.copyOf(ids);
        }
        return byUsername;
    }

    /** The stored name decrypted; null when none is stored or it cannot be decrypted (logged by account id only). */
    private String written(long accountId, byte[] stored) {
        try {
            return cipher.decryptString(stored);
        } catch (RuntimeException unreadable) {
            LOG.warnf("The name of account %d cannot be decrypted (%s); showing its username", accountId,
                    unreadable.getClass().getSimpleName());
            return null;
        }
    }
}
