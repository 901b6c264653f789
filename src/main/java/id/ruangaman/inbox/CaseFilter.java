package id.ruangaman.inbox;

import id.ruangaman.web.Refused;

import java.util.Locale;
import java.util.regex.Pattern;


import id.ruangaman.transcript.Channel;

/**
 * The case list's filters, validated: unknown values are refused with 400 rather than ignored.
 * {@code view} is one of mine, unassigned, overdue or empty (all I may see).
 */
public record CaseFilter(String view, String status, String channel, String role, String service, String reference, int page,
        String violence, boolean urgentMedical, boolean child) {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{1,16}");
    static final java.util.List<String> VIEWS = java.util.List.of("mine", "unassigned", "overdue");
    static final java.util.List<String> ROLES = java.util.List.of("victim", "witness", "proxy");
    static final java.util.List<String> SERVICES = java.util.List.of("psychological", "legal", "social_reintegration",
            "follow_up_counselling", "medical", "spiritual", "not_sure");

    /** GBVIMS core types and the online forms the intake asks about (issue 17), in the intake's option order. */
    static final java.util.List<String> VIOLENCE_TYPES = java.util.List.of("rape", "sexual_assault", "physical_assault",
            "forced_marriage", "denial_of_resources", "psychological_abuse", "grooming", "sextortion", "image_sharing",
            "unwanted_messages");

    public static CaseFilter of(String view, String status, String channel, String role, String service, String reference, Integer page) {
        return of(view, status, channel, role, service, reference, page, null, null, null);
    }

    /**
     * {@code violence}: one of {@link #VIOLENCE_TYPES}; {@code urgent}: "medical" keeps only urgent-medical cases;
     * {@code child}: "yes" keeps only cases whose victim is under 18 (ANAK).
     */
    public static CaseFilter of(String view, String status, String channel, String role, String service, String reference, Integer page,
            String violence, String urgent, String child) {
        violence = blankToNull(violence);
        urgent = blankToNull(urgent);
        child = blankToNull(child);
        require(violence == null || VIOLENCE_TYPES.contains(violence), "violence");
        require(urgent == null || "medical".equals(urgent), "urgent");
        require(child == null || "yes".equals(child), "child");
        CaseFilter base = basic(view, status, channel, role, service, reference, page);
        return new CaseFilter(base.view(), base.status(), base.channel(), base.role(), base.service(), base.reference(), base.page(),
                violence, urgent != null, child != null);
    }

    private static CaseFilter basic(String view, String status, String channel, String role, String service, String reference, Integer page) {
        view = blankToNull(view);
        status = blankToNull(status);
        channel = blankToNull(channel);
        role = blankToNull(role);
        service = blankToNull(service);
        reference = blankToNull(reference);
        require(view == null || VIEWS.contains(view), "view");
        require(status == null || CaseStatus.ALL.contains(status), "status");
        if (channel != null) {
            String upper = channel.toUpperCase(Locale.ROOT);
            require(java.util.Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(upper)), "channel");
            channel = upper;
        }
        require(role == null || ROLES.contains(role), "role");
        require(service == null || SERVICES.contains(service), "service");
        require(reference == null || REFERENCE.matcher(reference).matches(), "reference");
        int p = page == null ? 0 : page;
        require(p >= 0 && p <= 10_000, "page");
        return new CaseFilter(view, status, channel, role, service, reference == null ? null : reference.toUpperCase(Locale.ROOT), p,
                null, false, false);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw Refused.invalidInput("invalid filter: " + what);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Whether this list can hide a case that just arrived: a later page, a view or any filter. Only such a list shows the
     * live notice that new reports came in (the plain first page shows their rows itself).
     */
    public boolean narrowed() {
        return page > 0 || view != null || status != null || channel != null || role != null || service != null || reference != null
                || violence != null || urgentMedical || child;
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
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
