package io.sigil.server.sigv4.internal;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Derives signing keys ("Create a signed AWS API request", step 4:
 * {@code kDate = HMAC("AWS4" + secret, date); kRegion = HMAC(kDate, region); kService = HMAC(kRegion, service);
 * kSigning = HMAC(kService, "aws4_request")}) and keeps the most recently derived ones: a key serves every request
 * of one access key for one day, region and service, and costs four HMACs to derive.
 *
 * <p>Thread-safe and lock-free on hits (an access-ordered map under one lock was a point of contention with 32
 * connections); the oldest derived key leaves first. A capacity of 0 disables caching.
 */
public final class SigningKeys {
    private record Key(String secret, String date, String region, String service) {
        // Written out: a record's own equals and hashCode are linked through invokedynamic
        // (java.lang.runtime.ObjectMethods) at their first call, several milliseconds of every server start
        // (sigil-bench's ColdStart).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && secret.equals(k.secret) && date.equals(k.date) && region.equals(k.region)
                    && service.equals(k.service);
        }

        @Override
        public int hashCode() {
            return ((secret.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode()) * 31 + service.hashCode();
        }

        @Override
        public String toString() {
            return "Key[" + date + "/" + region + "/" + service + "]"; // never print the secret
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, byte[]> cache = new ConcurrentHashMap<>();
    private final Queue<Key> order = new ConcurrentLinkedQueue<>();

    public SigningKeys(int capacity) {
        this.capacity = capacity;
    }

    /** The signing key for a secret and a credential scope (date YYYYMMDD, region, service). */
    public byte[] signingKey(String secret, String date, String region, String service) {
        Key key = new Key(secret, date, region, service);
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] derived = derive(secret, date, region, service);
        if (capacity > 0 && cache.putIfAbsent(key, derived) == null) {
            order.add(key);
            while (cache.size() > capacity) {
                Key oldest = order.poll();
                if (oldest == null) {
                    break;
                }
                cache.remove(oldest);
            }
        }
        return derived;
    }

    /** How many keys are cached now. */
    public int size() {
        return cache.size();
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = Hashing.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Hashing.hmacSha256(kDate, region);
        byte[] kService = Hashing.hmacSha256(kRegion, service);
        return Hashing.hmacSha256(kService, "aws4_request");
    }
}
