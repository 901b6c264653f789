package id.ruangaman.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Maps kept for the rest of the current JTA transaction (its synchronization registry's resources), each under its
 * owner's key: what a transaction read up front, for the code that runs later in it. Gone with the transaction.
 */
@ApplicationScoped
public class TransactionMemory {

    private final TransactionSynchronizationRegistry transactions;

    TransactionMemory(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The current transaction's map under {@code key}, created empty on first use. Only inside a transaction. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> map(Object key) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("kept only inside a transaction");
        }
        Map<K, V> map = (Map<K, V>) transactions.getResource(key);
        if (map == null) {
            map = new HashMap<>();
            transactions.putResource(key, map);
        }
        return map;
    }

    /** Whether a transaction is running, so {@link #map} can keep something for it. */
    public boolean active() {
        return transactions.getTransactionKey() != null;
    }

    /** The current transaction's map under {@code key} if one was made; empty outside a transaction. */
    @SuppressWarnings("unchecked")
    public <K, V> Optional<Map<K, V>> existing(Object key) {
        if (transactions.getTransactionKey() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((Map<K, V>) transactions.getResource(key));
    }
}
