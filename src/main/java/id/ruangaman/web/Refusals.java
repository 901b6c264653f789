package id.ruangaman.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

/**
 * A refused form action (400, 403 or 409 from a POST in the inbox) is shown to a browser as its page again with
 * a one-line reason: {@code 303 See Other} to the page the form was on, with {@code ?refused=<reason key>}; the
 * layout prints {@code msg:refused(key)}. Clients that do not ask for HTML get the plain status as before.
 * The reason key is derived from the exception's message, which is a fixed English phrase at every throw site
 * in the inbox, referral and account code; an unknown phrase gets the general line.
 */
public final class Refusals {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

    /** POST path → the page its form is on. First match wins. */
    private static final List<Route> PAGES = List.of(
            new Route("^/inbox/cases/([A-Za-z0-9-]{1,32})/referrals$", "/inbox/cases/%s/referrals"),
            new Route("^/inbox/cases/([A-Za-z0-9-]{1,32})/sop(/.*)?$", "/inbox/cases/%s/sop"),
            new Route("^/inbox/cases/([A-Za-z0-9-]{1,32})(/.*)?$", "/inbox/cases/%s"),
            new Route("^/inbox/referrals/([0-9]{1,19})(/.*)?$", "/inbox/referrals/%s"),
            new Route("^/inbox/pimpinan/([A-Za-z0-9-]{1,32})(/.*)?$", "/inbox/pimpinan/%s"),
            new Route("^/inbox/providers/([0-9]{1,19})(/.*)?$", "/inbox/providers/%s"),
            new Route("^/inbox/providers(/.*)?$", "/inbox/providers"),
            new Route("^/inbox/accounts(/.*)?$", "/inbox/accounts"),
            new Route("^/inbox/settings(/.*)?$", "/inbox/settings"),
            new Route("^/inbox/account(/.*)?$", "/inbox/account"));

    /**
     * Addresses that take posts only and are no form's page of their own: the language switches and logging out. A
     * browser's GET of one (a reload, a bookmark, the address typed) lands here ({@link #landingOf}); refusals of their
     * posts are not redisplayed (the switch's form is on every page, so its page is not known from the path).
     */
    private static final List<Route> LANDINGS = List.of(
            new Route("^/inbox/language$", "/inbox"),
            new Route("^/login/language$", "/login"),
            new Route("^/logout$", "/login"));

    /** A path pattern and what it leads to: a page's address (%s its id), or a reason key ({@link #NOT_FOUND}). */
    private record Route(Pattern path, String page) {
        Route(String regex, String page) {
            this(Pattern.compile(regex), page);
        }
    }

    private static final List<String[]> REASONS = List.of(
            new String[] { "verification checklist incomplete", "verification_checklist_incomplete" },
            new String[] { "the checklist is kept once the report is verified", "checklist_kept_verified" },
            new String[] { ErrorPages.UNUSABLE_CHARACTER, "unusable_character" },
            new String[] { "part 3 needs the documents examined", "evidence_examined_missing" },
            new String[] { "illegal status change", "illegal_status_change" },
            new String[] { "illegal referral status change", "illegal_status_change" },
            new String[] { "closing needs a reason", "closing_needs_a_reason" },
            new String[] { "the person said this chat is not safe", "chat_not_safe" },
            new String[] { "the reporter deleted this case", "reporter_deleted" },
            new String[] { "an erased case prints nothing", "erased_prints_nothing" },
            new String[] { "empty note", "empty_text" },
            new String[] { "empty reply", "empty_text" },
            new String[] { "note too long", "too_long" },
            new String[] { "reply too long", "too_long" },
            new String[] { "a field is too long", "too_long" },
            new String[] { "search too long", "too_long" },
            new String[] { "text too long", "too_long" },
            new String[] { "a reason is required", "reason_required" },
            new String[] { "counsellors assign cases to themselves only", "counsellors_assign_self" },
            new String[] { "you cannot deactivate yourself", "cannot_deactivate_self" },
            new String[] { "the last active coordinator stays active", "last_coordinator_active" },
            new String[] { "the last active coordinator", "last_coordinator" },
            new String[] { "open cases assigned", "role_has_cases" },
            new String[] { "unknown role", "role_unknown" },
            new String[] { "no consent", "no_consent" },
            new String[] { "consent withdrawn", "consent_withdrawn" },
            new String[] { "consent declined", "consent_declined" },
            new String[] { "referral finished", "referral_finished" },
            new String[] { "a referral shares at least one part", "referral_parts_none" },
            new String[] { "only a draft can be discarded", "only_draft_discarded" },
            new String[] { "a draft is discarded, not revoked", "draft_discarded_not_revoked" },
            new String[] { "only a draft", "only_draft" },
            new String[] { "a provider with this id exists", "provider_exists" },
            new String[] { "username:", "username_invalid" },
            new String[] { "username taken", "username_taken" },
            new String[] { "no such account", "account_not_found" },
            new String[] { "no such provider", "provider_not_found" },
            new String[] { "no such active provider", "provider_choose" },
            new String[] { "no such referral", "referral_not_found" },
            new String[] { "no such interview", "interview_not_found" },
            new String[] { "no such party", "party_not_found" },
            new String[] { "no such evidence", "evidence_not_found" },
            new String[] { "no such contact card", "contact_card_not_found" },
            new String[] { "password:", "password_too_short" },
            new String[] { "a guardian's consent needs", "guardian_reason" },
            new String[] { "only a coordinator", "coordinators_only" },
            new String[] { "coordinators only", "coordinators_only" },
            new String[] { "verified report before verification", "verified_report_not_yet" },
            new String[] { "not your case", "not_your_case" },
            new String[] { "only counsellors and coordinators work cases", "caseworkers_only" },
            new String[] { "not concluded", "not_concluded" },
            new String[] { "conflict_of_interest", "conflict_of_interest" });

    /** The message prefix of {@code inbox.StepRefused}; a "step_<code>" key is worded by the SOP bundle's refusal texts. */
    private static final String STEP_REFUSED = "status change refused: ";
    private static final Pattern STEP_CODE = Pattern.compile("[a-z_]{1,34}");

    private Refusals() {
    }

    /** The reason key for an exception message; "refused" (the general line) when the phrase is not known. */
    public static String reasonKey(String message, int status) {
        return reasonKeys(message, status).get(0);
    }

    /**
     * The reason keys for an exception message, one per thing missing: a refused workflow step names each of its codes
     * ({@code status change refused: checklist_incomplete assessment_missing} → {@code step_checklist_incomplete},
     * {@code step_assessment_missing}); a lone unticked checklist keeps its own line; any other message gives one key.
     */
    public static List<String> reasonKeys(String message, int status) {
        if (message != null && message.startsWith(STEP_REFUSED)) {
            // A workflow step the SOP's gates refused (inbox.StepRefused): its codes name the reasons.
            List<String> codes = List.of(SPACES.split(message.substring(STEP_REFUSED.length()).trim()));
            if (codes.size() == 1) {
                return switch (codes.get(0)) {
                    case "checklist_incomplete" -> List.of("verification_checklist_incomplete");
                    case "illegal_step" -> List.of("illegal_status_change");
                    default -> List.of(stepKey(codes.get(0)));
                };
            }
            return codes.stream().map(Refusals::stepKey).distinct().toList();
        }
        if (message != null) {
            String m = message.toLowerCase(Locale.ROOT);
            for (String[] reason : REASONS) {
                if (m.startsWith(reason[0])) {
                    return List.of(reason[1]);
                }
            }
        }
        return List.of(status == 403 ? "forbidden" : "refused");
    }

    private static String stepKey(String code) {
        return STEP_CODE.matcher(code).matches() ? "step_" + code : "refused";
    }

    /**
     * An address's id that names nothing, by what the address names: the path's pattern, then the reason key. Every
     * inbox address with an id in its path is here (the case's own reference excepted: {@code not_found} says it).
     */
    private static final List<Route> NOT_FOUND = List.of(
            new Route("^/inbox/accounts/[^/]+(/.*)?$", "account_not_found"),
            new Route("^/inbox/providers/[^/]+(/.*)?$", "provider_not_found"),
            new Route("^/inbox/referrals/[^/]+(/.*)?$", "referral_not_found"),
            new Route("^/inbox/cases/[^/]+/sop/interviews/[^/]+(/.*)?$", "interview_not_found"),
            new Route("^/inbox/cases/[^/]+/sop/parties/[^/]+(/.*)?$", "party_not_found"),
            new Route("^/inbox/cases/[^/]+/sop/print/bap/[^/]+$", "interview_not_found"),
            new Route("^/inbox/cases/[^/]+/sop/print/pemanggilan/[^/]+$", "party_not_found"),
            new Route("^/inbox/cases/[^/]+/media/[^/]+$", "evidence_not_found"),
            new Route("^/inbox/cases/[^/]+/cards/[^/]+$", "contact_card_not_found"));

    /**
     * The reason for a 404 that no known phrase explains (the framework's own, for an id that is no number where the
     * address takes a number: {@code /inbox/cases/RA-1/sop/interviews/abc}): what the address names was not found
     * ({@code interview_not_found}); null for an address that names no such thing.
     */
    public static String notFoundKey(String path) {
        if (path == null) {
            return null;
        }
        for (Route route : NOT_FOUND) {
            if (route.path().matcher(path).matches()) {
                return route.page();
            }
        }
        return null;
    }

    /** The page a form posted to {@code path} is on, or null when the path is not an inbox form. */
    public static String pageOf(String path) {
        for (Route route : PAGES) {
            Matcher m = route.path().matcher(path);
            if (m.matches()) {
                return route.page().contains("%s") ? String.format(route.page(), m.group(1)) : route.page();
            }
        }
        return null;
    }

    /**
     * Where a browser's GET of a post-only address lands: the page its form is on ({@link #pageOf}), or for the
     * language switches and logging out the inbox or the login page; null for any other path.
     */
    public static String landingOf(String path) {
        String page = pageOf(path);
        if (page != null) {
            return page;
        }
        for (Route route : LANDINGS) {
            if (route.path().matcher(path).matches()) {
                return route.page();
            }
        }
        return null;
    }

    /** Whether a refusal of this request is shown as its page again: a browser's form POST under /inbox. */
    public static boolean redisplay(String method, String path, String accept, String contentType, int status) {
        return "POST".equals(method) && (status == 400 || status == 403 || status == 409) && accept != null
                && accept.contains("text/html") && contentType != null
                && (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data"))
                && pageOf(path) != null;
    }

    public static Response redirect(String path, String key) {
        return redirect(path, List.of(key));
    }

    /** To the form's page with every reason ({@code ?refused=a&refused=b}); the page's top line names them all. */
    public static Response redirect(String path, List<String> keys) {
        return redirect(path, keys, "");
    }

    /** As {@link #redirect(String, List)}, with more of the reason ({@link Refused#query()}: {@code &length=..&limit=..}). */
    public static Response redirect(String path, List<String> keys, String more) {
        return Response.seeOther(URI.create(pageOf(path) + query(keys) + more)).build();
    }

    /** {@code ?refused=<key>} once per key, in order. */
    public static String query(List<String> keys) {
        return "?" + keys.stream().map(k -> "refused=" + k).collect(java.util.stream.Collectors.joining("&"));
    }
}
