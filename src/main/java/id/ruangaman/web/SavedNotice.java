package id.ruangaman.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The success side of an inbox form: after a save (POST → 303 → GET) the page says once, next to the form that was
 * used, what was saved ({@code msg:saved(key)}, in the reader's language, {@code role="status"}).
 * <p>
 * How the page learns it: the 303 of a successful form post sets a short-lived cookie {@value #COOKIE} whose value is
 * {@code <form key>~<page path>} ({@code note~/inbox/cases/RA-7K2QX}); the key is a fixed code chosen from the
 * post's path ({@link #keyFor}), never anything typed, never the case's content. The page at that path shows the
 * line and the same response clears the cookie, so a reload does not repeat it and a link to the page (copied,
 * bookmarked, shared) carries nothing: the URL stays the page's own. Why not {@code ?saved=} in the URL: a reload
 * would say it again, and a copied address would tell its reader something was just saved that they did not save.
 * The cookie lives {@value #MAX_AGE_SECONDS} s at most (a redirect that was never followed leaves nothing behind),
 * is HttpOnly and SameSite=Strict, and holds no personal data.
 */
@RequestScoped
@Named("saved")
public class SavedNotice {

    private static final java.util.regex.Pattern FORM_ID = java.util.regex.Pattern.compile("-[0-9]+$");

    public static final String COOKIE = "ruangaman-saved";
    static final int MAX_AGE_SECONDS = 60;

    /**
     * POST path → the key of the form it saves; {@code %s} is the path's numeric id (an interview, a provider, an
     * account), so the line is said on that row. First match wins. Not here on purpose: the reply (its line in the
     * transcript shows it and its delivery state), the reveal (its answer is its own page), the language switch, log
     * out and "end all sessions" (they leave the inbox or change nothing one saved). A resource may say more than its path
     * does ({@link #choose}: a reset that also lifted a lock).
     */
    private static final List<Route> ROUTES = List.of(
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/status$", "sop-status"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/interviews/([0-9]{1,19})/attachment$", "attachment-%s"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/interviews/([0-9]{1,19})$", "minutes-%s"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/interviews/([0-9]{1,19})/reschedule$", "reschedule-%s"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/interviews$", "interview"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/recovery-end/clear$", "recovery-end-cleared"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/(assessment|findings|letter|conclusion|recommendation|execution|certificate|recovery|recovery-end)$", "%s"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/meetings$", "meeting"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/parties$", "party"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/parties/([0-9]{1,19})$", "party-edited-%s"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/parties/[0-9]{1,19}/remove$", "party-removed"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/checkins$", "checkin"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/sop/conflicts$", "conflict"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/assign$", "assign"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/status$", "status"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/checks$", "checklist"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/notes$", "note"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/erase$", "erased"),
            new Route("^/inbox/cases/[A-Za-z0-9-]{1,32}/referrals$", "referral-drafted"),
            new Route("^/inbox/pimpinan/[A-Za-z0-9-]{1,32}/decision$", "decision"),
            new Route("^/inbox/pimpinan/[A-Za-z0-9-]{1,32}/decision/correction$", "decision-corrected"),
            new Route("^/inbox/referrals/[0-9]{1,19}/(parts|ask|guardian|status)$", "referral-%s"),
            new Route("^/inbox/providers$", "provider-added"),
            new Route("^/inbox/providers/([0-9]{1,19})$", "provider-saved-%s"),
            new Route("^/inbox/providers/([0-9]{1,19})/active$", "provider-active-%s"),
            new Route("^/inbox/accounts$", "account-created"),
            new Route("^/inbox/accounts/([0-9]{1,19})/active$", "account-active-%s"),
            new Route("^/inbox/accounts/([0-9]{1,19})/password$", "account-reset-%s"),
            new Route("^/inbox/accounts/([0-9]{1,19})/name$", "account-name-%s"),
            new Route("^/inbox/accounts/([0-9]{1,19})/unlock$", "account-unlock-%s"),
            new Route("^/inbox/accounts/([0-9]{1,19})/role$", "account-role-%s"),
            new Route("^/inbox/settings$", "settings"),
            new Route("^/inbox/account/password$", "password-changed"));

    private static final Pattern KEY = Pattern.compile("[a-z]+(-[a-z]+)*(-[0-9]{1,19})?");
    private static final Pattern PAGE = Pattern.compile("/inbox(/[A-Za-z0-9_-]{1,64}){0,6}");

    private record Route(Pattern path, String key) {
        Route(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    private final HttpServerRequest request;
    private String chosen;

    SavedNotice(HttpServerRequest request) {
        this.request = request;
    }

    /** The form key a successful post to {@code path} saves ({@code note}, {@code minutes-12}), or null when none. */
    public static String keyFor(String path) {
        for (Route route : ROUTES) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                return m.groupCount() == 0 ? route.key() : String.format(route.key(), m.group(1));
            }
        }
        return null;
    }

    /**
     * This post saved {@code key} rather than what its path says ({@code account-unlocked-12} for a reset that lifted a
     * lock); a fixed code, never anything typed. A form sent twice is answered with its path's key.
     */
    public void choose(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a form key");
        }
        chosen = key;
    }

    /** The key a resource chose for this post, or null. */
    String chosen() {
        return chosen;
    }

    /** The cookie's value for a save of {@code key} shown on the page at {@code page} (a path, no query). */
    static String value(String key, String page) {
        return key + "~" + page;
    }

    /** The page path a cookie value is for, when it is well formed; else null. */
    static String pageOf(String value) {
        int tilde = value == null ? -1 : value.indexOf('~');
        if (tilde < 1 || !KEY.matcher(value.substring(0, tilde)).matches() || !PAGE.matcher(value.substring(tilde + 1)).matches()) {
            return null;
        }
        return value.substring(tilde + 1);
    }

    /** The key of the form saved just before this page was shown, when this page is the one it was saved on; else null. */
    public String getKey() {
        if (!"GET".equals(request.method().name())) {
            return null;
        }
        Cookie cookie = request.getCookie(COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        String page = pageOf(value);
        return page != null && page.equals(request.path()) ? value.substring(0, value.indexOf('~')) : null;
    }

    /** Whether the form saved just before this page was shown is {@code key}. */
    public boolean is(String key) {
        return key != null && key.equals(getKey());
    }

    /** Whether it is {@code prefix} followed by an id ({@code is('account-active-', 12)}): said on that row. */
    public boolean is(String prefix, Object id) {
        return id != null && is(prefix + id);
    }

    /** The message key ({@code msg:saved}) for a form key: its id, if any, left out. */
    public String getWhat() {
        String key = getKey();
        return key == null ? null : FORM_ID.matcher(key).replaceFirst("");
    }
}
