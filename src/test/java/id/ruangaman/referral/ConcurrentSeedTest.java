package id.ruangaman.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16, goal 6 (several replicas): two instances starting at once on a fresh database both seed the referral
 * directory from {@code _providers.yaml}. Both seeds must succeed (a duplicate key would stop one start-up, a crash
 * loop on a first deploy) and each provider must exist once. Two threads, released together by a barrier, play the
 * two instances on the one embedded database. Synthetic providers.
 */
@QuarkusTest
class ConcurrentSeedTest {

    private static final int ROUNDS = 5;
    private static final int PROVIDERS = 20;

    @Inject
    ProviderDirectory directory;
    @Inject
    EntityManager em;

    private final String prefix = "race-" + Long.toString(System.nanoTime(), 36) + "-";

    @AfterEach
    void removeTheSyntheticProviders() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from referral_provider where provider_key like ?1")
                .setParameter(1, prefix + "%").executeUpdate());
    }

    @Test
    void shouldLetTwoInstancesSeedAFreshDirectoryAtOnce() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, ProviderDirectory.Entry> entries = entries(prefix + round + "-");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<?>> seeds = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    seeds.add(instances.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        directory.seed(entries);
                        return null;
                    }));
                }
                for (Future<?> seed : seeds) {
                    seed.get(60, TimeUnit.SECONDS); // throws when that instance's seed failed
                }
                String round_ = prefix + round + "-%";
                long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from referral_provider where provider_key like ?1").setParameter(1, round_)
                        .getSingleResult()).longValue());
                long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(distinct provider_key) from referral_provider where provider_key like ?1")
                        .setParameter(1, round_).getSingleResult()).longValue());
                assertEquals(PROVIDERS, rows, "every provider once, round " + round);
                assertEquals(PROVIDERS, distinct, "round " + round);
            }
        } finally {
            instances.shutdownNow();
        }
    }

    private static Map<String, ProviderDirectory.Entry> entries(String keyPrefix) {
        Map<String, ProviderDirectory.Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < PROVIDERS; i++) {
            entries.put(keyPrefix + i, new ProviderDirectory.Entry("Contoh: Layanan Uji " + i + " (fiktif)", List.of("legal"),
                    "Wilayah Uji", "Kota Uji", null, null, null, null, null, "free", Boolean.FALSE));
        }
        return entries;
    }
}
