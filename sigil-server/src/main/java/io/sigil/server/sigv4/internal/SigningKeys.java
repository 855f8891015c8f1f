package io.sigil.server.sigv4.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives signing keys ("Create a signed AWS API request", step 4:
 * {@code kDate = HMAC("AWS4" + secret, date); kRegion = HMAC(kDate, region); kService = HMAC(kRegion, service);
 * kSigning = HMAC(kService, "aws4_request")}) and keeps the most recently used ones: a key serves every request of
 * one access key for one day, region and service, and costs four HMACs to derive.
 *
 * <p>Thread-safe. A capacity of 0 disables caching.
 */
public final class SigningKeys {
    private record Key(String secret, String date, String region, String service) {
        @Override
        public String toString() {
            return "Key[" + date + "/" + region + "/" + service + "]"; // never print the secret
        }
    }

    private final int capacity;
    private final Map<Key, byte[]> cache;

    public SigningKeys(int capacity) {
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
                return size() > SigningKeys.this.capacity;
            }
        };
    }

    /** The signing key for a secret and a credential scope (date YYYYMMDD, region, service). */
    public byte[] signingKey(String secret, String date, String region, String service) {
        Key key = new Key(secret, date, region, service);
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] derived = derive(secret, date, region, service);
        if (capacity > 0) {
            synchronized (cache) {
                cache.put(key, derived);
            }
        }
        return derived;
    }

    /** How many keys are cached now. */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = Hashing.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Hashing.hmacSha256(kDate, region);
        byte[] kService = Hashing.hmacSha256(kRegion, service);
        return Hashing.hmacSha256(kService, "aws4_request");
    }
}
