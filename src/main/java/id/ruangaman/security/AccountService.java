package id.ruangaman.security;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditDetail;
import id.ruangaman.audit.AuditLog;
import id.ruangaman.web.FormText;
import id.ruangaman.web.Refused;
import id.ruangaman.web.TextTooLong;
import io.quarkus.elytron.security.common.BcryptUtil;

/** What coordinators do with accounts: create, deactivate or reactivate, reset a password. */
@ApplicationScoped
public class AccountService {

    private static final java.util.regex.Pattern NAME_SPACES = java.util.regex.Pattern.compile("[\\s\\p{Z}]+");
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\\p{Cf}\\p{Cc}]");

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final SecurityConfig config;
    private final Clock clock;
    private final AccountSessions sessions;
    private final DeviceLoginFailures deviceFailures;
    private final Event<CasesReturned> casesReturned;

    AccountService(AccountRepository accounts, AuditLog audit, SecurityConfig config, Clock clock, AccountSessions sessions,
            DeviceLoginFailures deviceFailures, Event<CasesReturned> casesReturned) {
        this.accounts = accounts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.sessions = sessions;
        this.deviceFailures = deviceFailures;
        this.casesReturned = casesReturned;
    }

    /**
     * Every reason the new account's form would be refused, one per field, in the form's order: {@code username} (not
     * 3-64 of a-z 0-9 . _ -, or taken), {@code role} (not a {@link Role}), {@code password} (outside the policy's
     * length). Each value is the refusal {@link #create} would throw for it (400, or 409 for a taken name). Empty when
     * the form is acceptable.
     */
    @Transactional
    public Map<String, Refused> creationRefusals(String username, String role, String password) {
        Map<String, Refused> refusals = new LinkedHashMap<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            refusals.put("username", Refused.invalidInput("username: 3-64 of a-z 0-9 . _ -"));
        } else if (accounts.findByUsername(username).isPresent() || AuditDetail.SYSTEM_ACTORS.contains(username)) {
            refusals.put("username", Refused.conflict("username taken"));
        }
        if (!Role.isValid(role)) {
            refusals.put("role", Refused.invalidInput("unknown role"));
        }
        if (!acceptable(password, config.minPasswordLength())) {
            refusals.put("password", Refused.invalidInput("password: " + config.minPasswordLength() + "-128 characters"));
        }
        return refusals;
    }

    /**
     * A coordinator creates an account. Refused as {@link #creationRefusals} says, with its first reason (the form's
     * page asks for all of them first). Audited ({@code account_create}: the new id and role).
     */
    @Transactional
    public Account create(String actor, String username, String role, String password) {
        Map<String, Refused> refusals = creationRefusals(username, role, password);
        if (!refusals.isEmpty()) {
            throw refusals.values().iterator().next();
        }
        Instant now = Instant.now(clock);
        Account account = new Account();
        account.username = username;
        account.role = role;
        account.createdAt = now;
        account.setPassword(password, now);
        accounts.persist(account);
        audit.record(actor, AuditAction.ACCOUNT_CREATE, null, "account:" + account.id + " role:" + role);
        return account;
    }

    /**
     * What a press of Nonaktifkan or Aktifkan did: {@code changed} false when the account already had that state (an
     * older tab's page; nothing was changed or audited); {@code returnedCases}, how many open cases a deactivation
     * returned to the unassigned queue (0 otherwise).
     */
    public record ActiveChange(boolean changed, int returnedCases) {
    }

    /**
     * A coordinator deactivates or reactivates an account. Deactivating ends the account's sessions at once and returns
     * its open cases (every status but closed) to the unassigned queue, each marked as returned from it until someone is
     * assigned ({@link AccountRepository#returnOpenCases}): the person can no longer log in, and a case left with them
     * would wait for an answer nobody gives. Each returned case has its own audit row ({@code assign}, on the case:
     * {@code assignee:none inactive account:<id>}). Closed cases keep their assignee and history. Refused (409):
     * the actor's own account ({@code you cannot deactivate yourself}), and the last active coordinator
     * ({@code the last active coordinator stays active}: nobody could manage accounts any more). Two coordinators who deactivate or
     * demote each other at the same moment do not both pass that check: the active coordinators' rows are locked first
     * ({@link AccountRepository#lockActiveCoordinators}), so the second waits for the first and then counts what it left.
     * A case assigned to the account at the same moment waits too ({@link AccountRepository#lockAssignee}), or is
     * returned with the others. 404 for no such account. The state it already has changes nothing and is not audited.
     * Audited ({@code account_activate}/{@code account_deactivate}, the account's id).
     */
    @Transactional
    public ActiveChange setActive(String actor, long accountId, boolean active) {
        int coordinators = accounts.lockActiveCoordinators();
        Account account = lockForChange(accountId);
        if (!active && account.username.equals(actor)) {
            throw Refused.conflict("you cannot deactivate yourself");
        }
        if (account.active == active) {
            return new ActiveChange(false, 0); // a second tab's older page asked again: nothing changes, nothing is audited
        }
        if (!active && account.isCoordinator() && coordinators <= 1) {
            throw Refused.conflict("the last active coordinator stays active");
        }
        account.active = active;
        List<Long> returned = List.of();
        if (!active) {
            sessions.endAll(accountId, "deactivated", null);
            returned = accounts.returnOpenCases(accountId);
            for (Long caseId : returned) {
                audit.record(actor, AuditAction.ASSIGN, caseId, "assignee:none inactive account:" + accountId);
            }
            if (!returned.isEmpty()) {
                casesReturned.fire(new CasesReturned(returned)); // open case lists refresh when this commits
            }
        }
        audit.record(actor, active ? AuditAction.ACCOUNT_ACTIVATE : AuditAction.ACCOUNT_DEACTIVATE, null, "account:" + accountId);
        return new ActiveChange(true, returned.size());
    }

    /**
     * A coordinator changes an account's role ({@link Role}: counsellor, coordinator, pimpinan). It takes effect on the
     * account's next request: {@link SessionIdentityProvider} reads the role from the account on every request, so open
     * sessions stay open with the new role. The same role again changes nothing and is not audited. Refused (409): the
     * last active coordinator's role (nobody could manage accounts any more: {@code the last active coordinator}), and
     * leadership for an account that still has open cases assigned (leadership does not open cases: they would be left
     * with nobody who sees them). 400 for a role that does not exist; 404 for no such account. Audited
     * ({@code account_role}: the account's id, the role before and the role after). Both checks hold under concurrency:
     * the active coordinators' rows and then the account's are locked before anything is read (as {@link #setActive}),
     * and a case being assigned to the account at the same moment either waits for this change (and is then refused) or
     * is counted by it ({@link AccountRepository#lockAssignee}).
     */
    @Transactional
    public void setRole(String actor, long accountId, String role) {
        if (!Role.isValid(role)) {
            throw Refused.invalidInput("unknown role");
        }
        int coordinators = accounts.lockActiveCoordinators();
        Account account = lockForChange(accountId);
        if (role.equals(account.role)) {
            return;
        }
        if (account.isCoordinator() && account.active && coordinators <= 1) {
            throw Refused.conflict("the last active coordinator keeps the role");
        }
        if (!Role.worksCases(role) && accounts.openCasesAssigned(accountId) > 0) {
            throw Refused.conflict("open cases assigned to the account");
        }
        String before = account.role;
        account.role = role;
        audit.record(actor, AuditAction.ACCOUNT_ROLE, null, "account:" + accountId + " from_role:" + before + " role:" + role);
    }

    @Transactional
    public boolean resetPassword(String actor, long accountId, String password) {
        checkPassword(password);
        Account account = find(accountId);
        Instant now = Instant.now(clock);
        boolean wasLocked = account.lockedUntil != null && account.lockedUntil.isAfter(now);
        // The reset also lifts the locks of the account's trusted browsers (device cookies), so it unlocks everyone.
        wasLocked |= deviceFailures.forgetAccount(accountId, now);
        account.setPassword(password, now);
        sessions.endAll(accountId, "password_reset", null);
        audit.record(actor, AuditAction.PASSWORD_RESET, null, "account:" + accountId);
        return wasLocked;
    }

    /** An account's trusted browsers locked now ({@link DeviceLoginFailures}): how many, and when the last lock ends. */
    public record BrowserLocks(int count, Instant until) {
    }

    /** Per account id, its trusted browsers locked at {@code now}; accounts with none are absent. */
    @Transactional
    public Map<Long, BrowserLocks> lockedBrowsers(Instant now) {
        return deviceFailures.lockedBrowsers(now);
    }

    /**
     * A coordinator lifts an account's login locks without touching its password or sessions: the lock for unknown
     * browsers ({@code account.locked_until}, its failed-login count) and every trusted browser's lock and count
     * ({@link DeviceLoginFailures#forgetAccount}). 404 for no such account. Audited ({@code account_unlock}, the account's
     * id only). Returns whether anything was locked.
     */
    @Transactional
    public boolean unlock(String actor, long accountId) {
        Account account = find(accountId);
        Instant now = Instant.now(clock);
        boolean wasLocked = account.lockedUntil != null && account.lockedUntil.isAfter(now);
        account.lockedUntil = null;
        account.failedLogins = 0;
        wasLocked |= deviceFailures.forgetAccount(accountId, now);
        audit.record(actor, AuditAction.ACCOUNT_UNLOCK, null, "account:" + accountId);
        return wasLocked;
    }

    /** The longest name an account takes (the {@code maxlength} of the accounts page's field). */
    public static final int MAX_NAME = 200;

    /**
     * A coordinator sets the name of the person who uses an account, as letters print it ({@link Account#fullName}):
     * trimmed, each run of spaces (any Unicode space) or line breaks one space; blank, or nothing visible (only spaces and
     * zero-width characters), clears it (the username is shown again). 404 for no such
     * account; 400 ({@link TextTooLong}) over {@link #MAX_NAME} characters. Audited
     * ({@code account_name}, the account's id only: never the name).
     */
    @Transactional
    public void setName(String actor, long accountId, String fullName) {
        Account account = find(accountId);
        String name = FormText.limited(fullName, MAX_NAME);
        // Unicode spaces (a non-breaking space pasted from a document, U+3000) count as spaces; a name with nothing visible
        // (only spaces and zero-width characters) is no name: it would leave the person blank on a letter.
        name = name == null ? null : NAME_SPACES.matcher(name).replaceAll(" ").strip();
        account.fullName = name == null || INVISIBLE.matcher(name).replaceAll("").isBlank() ? null : name;
        audit.record(actor, AuditAction.ACCOUNT_NAME, null, "account:" + accountId);
    }

    /**
     * The account holder changes their own password: the current one is checked, the new one meets the policy,
     * and every other session of the account ends (this one stays). Errors: 400 with a short reason.
     */
    @Transactional
    public void changeOwnPassword(CurrentAccount who, String current, String password, String repeated) {
        Account account = find(who.id());
        if (current == null || !BcryptUtil.matches(current, account.passwordHash)) {
            throw Refused.invalidInput("current_password_wrong");
        }
        if (password == null || !password.equals(repeated)) {
            throw Refused.invalidInput("passwords_differ");
        }
        checkPassword(password);
        account.setPassword(password, Instant.now(clock));
        sessions.endAll(account.id, "password_changed", who.sessionId());
        audit.record(account.username, AuditAction.PASSWORD_CHANGE, null, "account:" + account.id);
    }

    /** "Log out everywhere": every session of the account ends, this one included. */
    @Transactional
    public int endAllSessions(CurrentAccount who) {
        int ended = sessions.endAll(who.id(), "everywhere", null);
        audit.record(who.getUsername(), AuditAction.SESSIONS_ENDED, null, "sessions:" + ended);
        return ended;
    }

    /** Logout: this session ends. */
    @Transactional
    public void logout(CurrentAccount who) {
        if (who.sessionId() != null) {
            sessions.end(who.sessionId(), "logout");
        }
        audit.record(who.getUsername(), AuditAction.LOGOUT, null, null);
    }

    /** Whether a password meets the policy (length {@code minPasswordLength}..128). */
    public static boolean acceptable(String password, int minLength) {
        return password != null && password.length() >= minLength && password.length() <= 128;
    }

    /** The account read again with its row locked, after {@link AccountRepository#lockActiveCoordinators}; 404 when none. */
    private Account lockForChange(long id) {
        Account account = accounts.lockForChange(id);
        if (account == null) {
            throw Refused.notFound("no such account");
        }
        return account;
    }

    private Account find(long id) {
        Account account = accounts.findById(id);
        if (account == null) {
            throw Refused.notFound("no such account");
        }
        return account;
    }

    private void checkPassword(String password) {
        if (!acceptable(password, config.minPasswordLength())) {
            throw Refused.invalidInput("password: " + config.minPasswordLength() + "-128 characters");
        }
    }
}
