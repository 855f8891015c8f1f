package io.sigil.iam.store;

import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.model.OutboundFederation;
import java.util.List;
import java.util.Optional;

/** Outbound web identity federation: the per-account setting and issuer, and the issuer's signing keys. */
public interface OutboundFederationStore {

    Optional<OutboundFederation> find(String accountId);

    /**
     * The account's setting, read under the account's row lock: a change decided on what this returns cannot race
     * another (two concurrent enables: one succeeds, the other sees FeatureEnabled).
     */
    Optional<OutboundFederation> findForUpdate(String accountId);

    /** The setting whose issuer id this is (for the issuer's discovery document and JWKS). */
    Optional<OutboundFederation> findByIssuer(String issuerId);

    /** Creates or replaces the account's setting; the issuer id of an existing row does not change. */
    void put(OutboundFederation setting);

    /** The account's signing keys, ordered by algorithm. */
    List<JwtSigningKey> signingKeys(String accountId);

    /**
     * Adds a key unless the account has one for that algorithm already: of two nodes racing to make the first key,
     * the first to commit wins and the other's key is dropped.
     *
     * @return whether this key was added
     */
    boolean addSigningKey(JwtSigningKey key);
}
