package io.sigil.iam.store;

import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.model.OutboundFederation;
import java.util.List;
import java.util.Optional;

/** Outbound web identity federation: the per-account setting and issuer, and the issuer's signing keys. */
public interface OutboundFederationStore {

    Optional<OutboundFederation> find(String accountId);

    /** The setting whose issuer id this is (for the issuer's discovery document and JWKS). */
    Optional<OutboundFederation> findByIssuer(String issuerId);

    /** Creates or replaces the account's setting; the issuer id of an existing row does not change. */
    void put(OutboundFederation setting);

    /** The account's signing keys, ordered by algorithm. */
    List<JwtSigningKey> signingKeys(String accountId);

    /** Adds a key; a second key for the same account and algorithm is refused (the first one wins a race). */
    void addSigningKey(JwtSigningKey key);
}
