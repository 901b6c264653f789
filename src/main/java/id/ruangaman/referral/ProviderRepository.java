package id.ruangaman.referral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The directory, with the case page's search. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepository<Provider> {

    public Optional<Provider> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<Provider> all() {
        return list("order by active desc, lower(region), lower(city), lower(name)");
    }

    public List<String> regions() {
        return getEntityManager().createQuery("select distinct p.region from Provider p where p.active order by p.region",
                String.class).getResultList();
    }

    /**
     * Active providers offering any of {@code services} (all when empty), in {@code region} (region or city, any
     * case; all when blank), whose name, city, address, languages or accessibility notes contain {@code text}.
     */
    public List<Provider> search(List<String> services, String region, String text) {
        List<String> where = new ArrayList<>(List.of("active = true"));
        Map<String, Object> params = new HashMap<>();
        if (!services.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                any.add("concat(',', services, ',') like :s" + i);
                params.put("s" + i, "%," + services.get(i) + ",%");
            }
            where.add("(" + String.join(" or ", any) + ")");
        }
        if (region != null && !region.isBlank()) {
            where.add("(lower(region) = :region or lower(city) = :region)");
            params.put("region", region.trim().toLowerCase());
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(name) like :text or lower(city) like :text or lower(coalesce(address, '')) like :text "
                    + "or lower(coalesce(languages, '')) like :text or lower(coalesce(accessibility, '')) like :text)");
            params.put("text", "%" + escape(text.trim().toLowerCase()) + "%");
        }
        return find(String.join(" and ", where) + " order by lower(region), lower(city), lower(name)", params).range(0, 49).list();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
