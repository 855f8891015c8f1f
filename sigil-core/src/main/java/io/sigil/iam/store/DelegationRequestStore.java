package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.DelegationRequest;
import java.util.Optional;

/** Delegation requests (IAM API Reference, "CreateDelegationRequest" and the operations on one request). */
public interface DelegationRequestStore {

    /**
     * @throws IamException EntityAlreadyExists when the requestor account already has a request with this
     *     RequestorWorkflowId ("IAM maintains a uniqueness check on this workflow id for each request")
     */
    DelegationRequest create(DelegationRequest request);

    Optional<DelegationRequest> find(String id);

    /**
     * Writes {@code changed} if the row still has {@code changed.version()}.
     *
     * @return the row as written, version increased
     * @throws IamException ConcurrentModification if the row changed since it was read
     */
    DelegationRequest update(DelegationRequest changed);

    /**
     * The requests that have an owner in {@code ownerAccountId} ("If a delegation request has no owner ... it will
     * not be part of the ListDelegationRequests output"), optionally only those of one owner ARN, ordered by id.
     *
     * @param ownerId null for every owner of the account
     */
    Page<DelegationRequest> listOwned(String ownerAccountId, String ownerId, PageRequest page);
}
