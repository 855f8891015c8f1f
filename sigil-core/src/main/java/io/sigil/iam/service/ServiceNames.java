package io.sigil.iam.service;

import io.sigil.iam.reference.TableResource;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names of AWS services by prefix, as GetServiceLastAccessedDetails reports them in {@code ServiceName} beside
 * {@code ServiceNamespace}. Generated from the Service Authorization Reference by
 * {@code scripts/refresh-service-names.sh} (source and license in NOTICE-service-names.txt beside the resource).
 */
final class ServiceNames {
    private static final String RESOURCE = "/io/sigil/iam/reference/service-names.tsv";

    private ServiceNames() {
    }

    private static final class Holder {
        static final Map<String, String> NAMES = load();
    }

    /** The service's name; the prefix itself for a service the reference does not name. */
    static String of(String prefix) {
        return Holder.NAMES.getOrDefault(prefix.toLowerCase(Locale.ROOT), prefix);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        for (String line : TableResource.records(ServiceNames.class, RESOURCE)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                names.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return Map.copyOf(names);
    }
}
