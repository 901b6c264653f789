package id.ruangaman.inbox;

import id.ruangaman.web.QueryCheck;
import id.ruangaman.web.Refused;

import java.util.Locale;


import id.ruangaman.transcript.Channel;

/**
 * The case list's filters, validated: an unknown value is never ignored silently; the list page leaves it out and says
 * so next to its form, with 400 ({@link #checked}).
 * {@code view} is one of mine, unassigned, overdue, returned (unassigned, returned to the queue when the account it was
 * assigned to was deactivated: {@code intake.returned_from}) or empty (all I may see).
 */
public record CaseFilter(String view, String status, String channel, String role, String service, String reference, int page,
        String violence, boolean urgentMedical, boolean child, boolean danger) {

    static final java.util.List<String> VIEWS = java.util.List.of("mine", "unassigned", "overdue", "returned");
    static final java.util.List<String> ROLES = java.util.List.of("victim", "witness", "proxy");
    static final java.util.List<String> SERVICES = java.util.List.of("psychological", "legal", "social_reintegration",
            "follow_up_counselling", "medical", "spiritual", "not_sure");

    /** GBVIMS core types and the online forms the intake asks about (issue 17), in the intake's option order. */
    static final java.util.List<String> VIOLENCE_TYPES = java.util.List.of("rape", "sexual_assault", "physical_assault",
            "forced_marriage", "denial_of_resources", "psychological_abuse", "grooming", "sextortion", "image_sharing",
            "unwanted_messages");

    public static CaseFilter of(String view, String status, String channel, String role, String service, String reference, Integer page) {
        return of(view, status, channel, role, service, reference, page, null, null, null, null);
    }

    /**
     * {@code violence}: one of {@link #VIOLENCE_TYPES}; {@code urgent}: "medical" keeps only urgent-medical cases;
     * {@code child}: "yes" keeps only cases whose victim is under 18 (ANAK); {@code danger}: "yes" keeps only cases whose
     * reporter said they are in danger now (BAHAYA, {@code intake.in_danger}), the cases the list already puts first.
     * @throws Refused (400, "invalid filter: <parameter>") when a value is not one the list takes
     */
    public static CaseFilter of(String view, String status, String channel, String role, String service, String reference, Integer page,
            String violence, String urgent, String child, String danger) {
        QueryCheck check = new QueryCheck(Locale.ROOT);
        CaseFilter filter = checked(check, view, status, channel, role, service, reference, page == null ? null : page.toString(),
                violence, urgent, child, danger);
        if (!check.refusals().isEmpty()) {
            throw Refused.invalidInput("invalid filter: " + check.refusals().get(0).field());
        }
        return filter;
    }

    /**
     * The filter of the case list's query, each value checked on its own: a value the list does not take (an unknown
     * status, a page "abc" or -5, a reference with a slash, a very long text) is left out and named in {@code check},
     * and the others still apply. {@code channel} is read in any case; {@code page} is 0 to 10,000.
     */
    public static CaseFilter checked(QueryCheck check, String view, String status, String channel, String role, String service,
            String reference, String page, String violence, String urgent, String child, String danger) {
        String v = check.oneOf("view", view, VIEWS);
        String st = check.oneOf("status", status, CaseStatus.ALL);
        String c = QueryCheck.blank(channel);
        c = check.oneOf("channel", c == null ? null : c.toUpperCase(Locale.ROOT),
                java.util.Arrays.stream(Channel.values()).map(Enum::name).toList());
        String r = check.oneOf("role", role, ROLES);
        String sv = check.oneOf("service", service, SERVICES);
        String typed = check.text("ref", reference, 16);
        String ref = typed == null ? null : CaseReference.read(typed).orElse(null);
        if (typed != null && ref == null) {
            check.refuse("ref", "format");
        }
        String vt = check.oneOf("violence", violence, VIOLENCE_TYPES);
        String u = check.oneOf("urgent", urgent, java.util.List.of("medical"));
        String ch = check.oneOf("child", child, java.util.List.of("yes"));
        String d = check.oneOf("danger", danger, java.util.List.of("yes"));
        int p = check.page(page, 10_000);
        return new CaseFilter(v, st, c, r, sv, ref, p, vt, u != null, ch != null, d != null);
    }

    /**
     * Whether this list can hide a case that just arrived: a later page, a view or any filter. Only such a list shows the
     * live notice that new reports came in (the plain first page shows their rows itself).
     */
    public boolean narrowed() {
        return page > 0 || view != null || status != null || channel != null || role != null || service != null || reference != null
                || violence != null || urgentMedical || child || danger;
    }

    /** Query string of this filter at another page. */
    public String queryFor(int otherPage) {
        StringBuilder q = new StringBuilder("?page=").append(otherPage);
        append(q, "view", view);
        append(q, "status", status);
        append(q, "channel", channel);
        append(q, "role", role);
        append(q, "service", service);
        append(q, "ref", reference);
        append(q, "violence", violence);
        append(q, "urgent", urgentMedical ? "medical" : null);
        append(q, "child", child ? "yes" : null);
        append(q, "danger", danger ? "yes" : null);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
