package id.ruangaman.referral;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import id.ruangaman.texts.ConversationFolder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Loads {@code conversations/_providers.yaml} at start-up and upserts each provider by its stable key. A broken
 * entry stops the start-up with the file, key and problem. Safe when several instances start at once ({@link #seed}).
 */
@ApplicationScoped
class ProviderDirectory {

    private static final Logger LOG = Logger.getLogger(ProviderDirectory.class);
    static final int AFTER_FLOWS = jakarta.interceptor.Interceptor.Priority.APPLICATION + 600;
    static final String FILE = "_providers.yaml";
    /** The advisory lock key of the seed (the admin account's bootstrap uses 7320131). */
    static final long SEED_LOCK = 7320132L;
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** One entry of the file. */
    public record Entry(String name, List<String> services, String region, String city, String address,
            @JsonProperty("contact_channels") String contactChannels, @JsonProperty("opening_hours") String openingHours,
            String languages, String accessibility, String cost, @JsonProperty("accepts_minors") Boolean acceptsMinors) {
    }

    private final ConversationFolder config;
    private final ProviderRepository providers;
    private final Clock clock;

    ProviderDirectory(ConversationFolder config, ProviderRepository providers, Clock clock) {
        this.config = config;
        this.providers = providers;
        this.clock = clock;
    }

    /** After the flows are loaded and linted, so a broken flow is the first thing reported. */
    void onStart(@Observes @Priority(AFTER_FLOWS) StartupEvent event) {
        Path file = config.file(FILE);
        Map<String, Entry> entries = read(file);
        seed(entries);
        LOG.infof("Referral directory: %d providers from %s", entries.size(), FILE);
    }

    /**
     * Upserts each checked entry by its key, in one transaction. Instances starting together on a fresh database
     * (several replicas, issue 16 goal 6) take turns on a transaction-scoped advisory lock: the second waits for the
     * first to commit, then finds its rows and updates them, instead of failing on a duplicate key. The providers are
     * read in one query; a provider whose values are the file's already is left as it is, so its {@code updated_at}
     * still says when it last changed (and a start writes nothing when the file did not change).
     */
    @Transactional
    void seed(Map<String, Entry> entries) {
        providers.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, SEED_LOCK)
                .getSingleResult();
        Map<String, Provider> known = new HashMap<>();
        for (Provider provider : providers.listAll()) {
            known.put(provider.key, provider);
        }
        entries.forEach((key, entry) -> upsert(key, entry, known.get(key)));
    }

    static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries;
        try {
            entries = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readAllBytes(file), new TypeReference<Map<String, Entry>>() {
                    });
        } catch (IOException e) {
            throw new ConfigurationException(file + " cannot be read as a map of providers: " + e.getClass().getSimpleName());
        }
        if (entries == null) {
            return Map.of();
        }
        entries.forEach((key, entry) -> {
            String problem = problem(key, entry);
            if (problem != null) {
                throw new ConfigurationException(file + ": provider '" + key + "' " + problem);
            }
        });
        return entries;
    }

    static String problem(String key, Entry entry) {
        if (!KEY.matcher(key).matches()) {
            return "has an invalid key (lower-case letters, digits, '-' and '_')";
        }
        if (entry == null || blank(entry.name())) {
            return "has no name";
        }
        if (entry.services() == null || entry.services().isEmpty()) {
            return "offers no services";
        }
        for (String service : entry.services()) {
            if (!ReferralService.SERVICES.contains(service)) {
                return "has an unknown service '" + service + "'";
            }
        }
        if (blank(entry.region()) || blank(entry.city())) {
            return "needs a region and a city";
        }
        if (!"free".equals(entry.cost()) && !"paid".equals(entry.cost())) {
            return "needs cost: free or paid";
        }
        return null;
    }

    /** Copies a checked entry (from the file or the inbox form) onto a provider. */
    static void copy(Entry entry, Provider provider) {
        provider.name = entry.name().trim();
        provider.services = String.join(",", entry.services());
        provider.region = entry.region().trim();
        provider.city = entry.city().trim();
        provider.address = entry.address();
        provider.contactChannels = entry.contactChannels();
        provider.openingHours = entry.openingHours();
        provider.languages = entry.languages();
        provider.accessibility = entry.accessibility();
        provider.cost = entry.cost();
        provider.acceptsMinors = Boolean.TRUE.equals(entry.acceptsMinors());
    }

    private void upsert(String key, Entry entry, Provider existing) {
        Provider provider = existing;
        if (provider == null) {
            provider = new Provider();
            provider.key = key;
            provider.active = true;
        }
        List<Object> before = values(provider);
        copy(entry, provider);
        provider.source = Provider.SOURCE_FILE;
        if (provider.id == null || !values(provider).equals(before)) {
            provider.updatedAt = Instant.now(clock);
        }
        if (provider.id == null) {
            providers.persist(provider);
        }
    }

    /** The values the file sets, to tell whether a start changed a provider. */
    private static List<Object> values(Provider provider) {
        return Arrays.asList(provider.name, provider.services, provider.region, provider.city, provider.address,
                provider.contactChannels, provider.openingHours, provider.languages, provider.accessibility,
                provider.cost, provider.acceptsMinors, provider.source);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
