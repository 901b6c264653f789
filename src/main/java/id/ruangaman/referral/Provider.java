package id.ruangaman.referral;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One service provider of the referral directory. Public directory data, stored in plain text. */
@Entity
@Table(name = "referral_provider")
public class Provider {

    public static final String SOURCE_FILE = "file";
    public static final String SOURCE_INBOX = "inbox";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_provider_seq")
    @SequenceGenerator(name = "referral_provider_seq", sequenceName = "referral_provider_seq", allocationSize = 50)
    public Long id;

    /** Stable id: the key in {@code _providers.yaml}, or one given when a coordinator creates a provider. */
    @Column(name = "provider_key", nullable = false, unique = true)
    public String key;

    @Column(nullable = false)
    public String name;

    /** Comma-separated service codes of the intake flow. */
    @Column(nullable = false)
    public String services;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String city;

    public String address;

    @Column(name = "contact_channels")
    public String contactChannels;

    @Column(name = "opening_hours")
    public String openingHours;

    public String languages;

    public String accessibility;

    /** {@code free} or {@code paid}. */
    @Column(nullable = false)
    public String cost;

    @Column(name = "accepts_minors", nullable = false)
    public boolean acceptsMinors;

    @Column(nullable = false)
    public boolean active = true;

    @Column(nullable = false)
    public String source;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public List<String> serviceList() {
        return services == null || services.isBlank() ? List.of() : Arrays.stream(services.split(",")).map(String::trim).toList();
    }

    public boolean offers(String service) {
        return serviceList().contains(service);
    }
}
