/**
 * IAM operations as domain services, one class per API area: they take domain values (names, ids, documents),
 * run one {@link io.sigil.iam.store.Store} transaction and return domain records, throwing
 * {@link io.sigil.iam.error.IamException} with AWS's code and message for that operation (IAM API Reference,
 * "Actions": the Errors section of each action). Mapping to and from the wire belongs to the server's handlers;
 * authorisation happens before a service is called. Constraints AWS checks before an operation runs (lengths,
 * patterns, ranges) are the protocol layer's job; a service checks what only the data can tell.
 *
 * <p>Roles: {@link io.sigil.iam.service.RoleService}, {@link io.sigil.iam.service.RolePolicyService},
 * {@link io.sigil.iam.service.ServiceLinkedRoleService}, principal binding in trust policies
 * ({@link io.sigil.iam.service.TrustPolicies}); instance profiles:
 * {@link io.sigil.iam.service.InstanceProfileService}.
 */
package io.sigil.iam.service;
