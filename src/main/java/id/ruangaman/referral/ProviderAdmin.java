package id.ruangaman.referral;

import id.ruangaman.web.FormText;
import id.ruangaman.web.Refused;
import id.ruangaman.web.TextTooLong;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.ruangaman.audit.AuditAction;
import id.ruangaman.audit.AuditLog;

/** Coordinators' changes to the directory: create, edit, deactivate and reactivate; each audited by provider id. */
@ApplicationScoped
class ProviderAdmin {

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NOT_SLUG = java.util.regex.Pattern.compile("[^a-z0-9_]+");
    private static final java.util.regex.Pattern SLUG_ENDS = java.util.regex.Pattern.compile("^[-_]+|-+$");
    private static final java.util.regex.Pattern TRAILING_DASHES = java.util.regex.Pattern.compile("-+$");

    /**
     * A submitted provider form. {@code key} may be blank (made from the name) or typed as a person would ("LBH Kota
     * Uji" is {@code lbh-kota-uji}); {@code acceptsMinors} is null when the form did not say (refused: the coordinator
     * must state it, walkthrough 9 finding 21).
     */
    public record Form(String key, String name, List<String> services, String region, String city, String address,
            String contactChannels, String openingHours, String languages, String accessibility, String cost,
            Boolean acceptsMinors) {

        /** What was typed, on a provider that is never stored: the refused form shows it again. */
        Provider typed() {
            Provider p = new Provider();
            p.key = key;
            p.name = name;
            p.services = services == null ? null : String.join(",", services);
            p.region = region;
            p.city = city;
            p.address = address;
            p.contactChannels = contactChannels;
            p.openingHours = openingHours;
            p.languages = languages;
            p.accessibility = accessibility;
            p.cost = cost;
            p.acceptsMinors = Boolean.TRUE.equals(acceptsMinors);
            return p;
        }
    }

    private final ProviderRepository providers;
    private final AuditLog audit;
    private final Clock clock;

    ProviderAdmin(ProviderRepository providers, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<Provider> all() {
        return providers.all();
    }

    @Transactional
    public Provider get(long id) {
        Provider provider = providers.findById(id);
        if (provider == null) {
            throw Refused.notFound("no such provider");
        }
        return provider;
    }

    @Transactional
    public Provider create(Form form, String actor) {
        boolean typed = form.key() != null && !form.key().isBlank();
        String key = slug(typed ? form.key() : form.name() == null ? "" : form.name());
        if (!typed && key.isEmpty() && (form.name() == null || form.name().isBlank())) {
            throw Refused.invalidInput("provider has no name");
        }
        if (!typed && !key.isEmpty()) {
            // Made from the name: a second "LBH Kota Uji" gets lbh-kota-uji-2 rather than a refusal.
            String base = key.length() > 60 ? key.substring(0, 60) : key;
            for (int n = 2; providers.findByKey(key).isPresent() && n < 100; n++) {
                key = base + "-" + n;
            }
        }
        if (!ProviderDirectory.KEY.matcher(key).matches()) {
            throw Refused.invalidInput("invalid stable id");
        }
        if (providers.findByKey(key).isPresent()) {
            throw Refused.conflict("a provider with this id exists");
        }
        Provider provider = new Provider();
        provider.key = key;
        provider.active = true;
        provider.source = Provider.SOURCE_INBOX;
        apply(provider, form);
        providers.persist(provider);
        audit.record(actor, AuditAction.PROVIDER_CHANGE, null, "provider:" + provider.id + " create");
        return provider;
    }

    @Transactional
    public void update(long id, Form form, String actor) {
        Provider provider = get(id);
        apply(provider, form);
        audit.record(actor, AuditAction.PROVIDER_CHANGE, null, "provider:" + id + " edit");
    }

    @Transactional
    public void setActive(long id, boolean active, String actor) {
        Provider provider = get(id);
        provider.active = active;
        provider.updatedAt = Instant.now(clock);
        audit.record(actor, AuditAction.PROVIDER_CHANGE, null, "provider:" + id + (active ? " activate" : " deactivate"));
    }

    private void apply(Provider provider, Form form) {
        ProviderDirectory.Entry entry = new ProviderDirectory.Entry(trim(form.name(), 200, "name"),
                form.services() == null ? List.of() : new ArrayList<>(form.services()), trim(form.region(), 100, "region"),
                trim(form.city(), 100, "city"), trim(form.address(), 300, "address"), trim(form.contactChannels(), 500, "contact"),
                trim(form.openingHours(), 200, "hours"), trim(form.languages(), 100, "languages"),
                trim(form.accessibility(), 500, "accessibility"), form.cost(),
                form.acceptsMinors());
        String problem = ProviderDirectory.problem(provider.key, entry);
        if (problem == null && form.acceptsMinors() == null) {
            problem = "needs accepts minors: yes or no";
        }
        if (problem != null) {
            throw Refused.invalidInput("provider " + problem);
        }
        ProviderDirectory.copy(entry, provider);
        provider.updatedAt = Instant.now(clock);
    }

    /**
     * A stable id from what a person typed: lower case, runs of anything but letters and digits as one '-', at most 64
     * characters ("LBH Kota Uji" → {@code lbh-kota-uji}); "" when nothing usable is left.
     */
    static String slug(String typed) {
        String ascii = MARKS.matcher(java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(java.util.Locale.ROOT);
        String slug = SLUG_ENDS.matcher(NOT_SLUG.matcher(ascii).replaceAll("-")).replaceAll("");
        return slug.length() > 64 ? TRAILING_DASHES.matcher(slug.substring(0, 64)).replaceAll("") : slug;
    }

    /** A typed field stripped, null when blank; too long: refused naming {@code field} (the form's input name). */
    private static String trim(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FormText.limited(value, max).strip();
        } catch (TextTooLong e) {
            throw e.in(field);
        }
    }
}
