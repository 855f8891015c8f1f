package io.sigil.server.api;

import java.time.Instant;

/** Receives each authenticated use of an access key, for GetAccessKeyLastUsed. Must not block. */
@FunctionalInterface
public interface KeyUse {
    void used(String accessKeyId, Instant when, String service, String region);

    KeyUse NONE = (k, w, s, r) -> { };
}
