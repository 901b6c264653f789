package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every start seeds the directory from {@code _providers.yaml}. A provider whose values did not change keeps its
 * {@code updated_at} (it says when the provider last changed, not when the service last started); one whose values
 * changed gets a new one. Synthetic providers.
 */
@QuarkusTest
class ProviderSeedUpdatedAtTest {

    @Inject
    ProviderDirectory directory;
    @Inject
    EntityManager em;

    private final String prefix = "seed-" + Long.toString(System.nanoTime(), 36) + "-";

    @AfterEach
    void removeTheSyntheticProviders() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from referral_provider where provider_key like ?1")
                .setParameter(1, prefix + "%").executeUpdate());
    }

    @Test
    void shouldKeepUpdatedAtOfProvidersTheFileDidNotChange() throws Exception {
        Map<String, ProviderDirectory.Entry> entries = new LinkedHashMap<>();
        entries.put(prefix + "a", entry("Contoh: Layanan Uji A (fiktif)", "08:00-16:00"));
        entries.put(prefix + "b", entry("Contoh: Layanan Uji B (fiktif)", "09:00-17:00"));
        directory.seed(entries);
        Instant a = updatedAt(prefix + "a");
        Instant b = updatedAt(prefix + "b");

        Thread.sleep(5); // a later start
        directory.seed(entries);
        assertEquals(a, updatedAt(prefix + "a"), "unchanged provider, a start later");
        assertEquals(b, updatedAt(prefix + "b"), "unchanged provider, a start later");

        Thread.sleep(5);
        entries.put(prefix + "b", entry("Contoh: Layanan Uji B (fiktif)", "10:00-18:00"));
        directory.seed(entries);
        assertEquals(a, updatedAt(prefix + "a"), "unchanged provider beside a changed one");
        assertNotEquals(b, updatedAt(prefix + "b"), "the provider whose opening hours changed");
    }

    private static ProviderDirectory.Entry entry(String name, String openingHours) {
        return new ProviderDirectory.Entry(name, List.of("legal"), "Wilayah Uji", "Kota Uji", null, null, openingHours,
                null, null, "free", Boolean.FALSE);
    }

    private Instant updatedAt(String key) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.updatedAt from Provider p where p.key = ?1", Instant.class).setParameter(1, key).getSingleResult());
    }
}
