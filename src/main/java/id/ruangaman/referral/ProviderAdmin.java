package id.ruangaman.referral;

import id.ruangaman.web.Refused;

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

    /** A submitted provider form. */
    public record Form(String key, String name, List<String> services, String region, String city, String address,
            String contactChannels, String openingHours, String languages, String accessibility, String cost,
            boolean acceptsMinors) {
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
        String key = form.key() == null ? "" : form.key().trim();
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
        ProviderDirectory.Entry entry = new ProviderDirectory.Entry(trim(form.name(), 200),
                form.services() == null ? List.of() : new ArrayList<>(form.services()), trim(form.region(), 100),
                trim(form.city(), 100), trim(form.address(), 300), trim(form.contactChannels(), 500),
                trim(form.openingHours(), 200), trim(form.languages(), 100), trim(form.accessibility(), 500), form.cost(),
                form.acceptsMinors());
        String problem = ProviderDirectory.problem(provider.key, entry);
        if (problem != null) {
            throw Refused.invalidInput("provider " + problem);
        }
        ProviderDirectory.copy(entry, provider);
        provider.updatedAt = Instant.now(clock);
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw Refused.invalidInput("a field is too long");
        }
        return trimmed;
    }
}
