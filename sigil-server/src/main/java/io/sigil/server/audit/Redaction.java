package io.sigil.server.audit;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an SDK request or response object into plain maps for the audit log, generically over its fields, with
 * secrets replaced by {@code HIDDEN_DUE_TO_SECURITY_REASONS} as CloudTrail does.
 */
public final class Redaction {
    public static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    private static final Set<String> SECRET_MEMBERS = Set.of("secretaccesskey", "password", "newpassword",
            "oldpassword", "privatekey", "addprivatekey", "samlassertion", "webidentitytoken", "authenticationcode1",
            "authenticationcode2", "tokencode", "sessiontoken", "servicepassword", "servicecredentialsecret", "base32stringseed",
            "qrcodepng", "certificatechain", "tradeintoken");

    private Redaction() {}

    /** The object's members as a map with lowerCamel keys, secrets hidden; null for null. */
    public static Object of(SdkPojo pojo) {
        if (pojo == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            if (v == null || (v instanceof List<?> l && l.isEmpty() && isAutoConstruct(l))) {
                continue;
            }
            String name = lowerCamel(f.memberName());
            out.put(name, SECRET_MEMBERS.contains(f.memberName().toLowerCase(Locale.ROOT)) ? HIDDEN : plain(v));
        }
        return out.isEmpty() ? null : out;
    }

    private static boolean isAutoConstruct(Object o) {
        return o instanceof software.amazon.awssdk.core.util.SdkAutoConstructList;
    }

    private static Object plain(Object v) {
        if (v instanceof SdkPojo p) {
            return of(p);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        if (v instanceof software.amazon.awssdk.core.SdkBytes) {
            return HIDDEN;
        }
        return v;
    }

    private static String lowerCamel(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
