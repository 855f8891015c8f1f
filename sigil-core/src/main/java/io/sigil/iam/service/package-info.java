/**
 * IAM operations as domain services, one class per API area: they take domain values (names, ids, documents,
 * the authenticated {@link io.sigil.iam.auth.Principal}), run one {@link io.sigil.iam.store.Store} transaction and
 * return domain records, throwing {@link io.sigil.iam.error.IamException} with AWS's code and message. Mapping to
 * and from the wire belongs to the server's handlers; authorisation happens before a service is called.
 *
 * <p>Implements the IAM API Reference, "Actions": CreateAccessKey, ListAccessKeys, UpdateAccessKey,
 * DeleteAccessKey, GetAccessKeyLastUsed ({@link io.sigil.iam.service.AccessKeyService},
 * {@link io.sigil.iam.service.LastUsedRecorder}); Put/Get/Delete/List User and Group policies
 * ({@link io.sigil.iam.service.InlinePolicyService}).
 */
package io.sigil.iam.service;
