/**
 * One service class per IAM API area. A service takes domain values (account id, names, paths, tags), runs each
 * operation in one {@link io.sigil.iam.store.Store} transaction and answers with domain records, or throws an
 * {@link io.sigil.iam.error.IamException} carrying AWS's code and message for that operation (IAM API Reference,
 * "Actions": the Errors section of each action).
 *
 * <p>Constraints that AWS checks before an operation runs (lengths, patterns, ranges) are the protocol layer's
 * job; a service checks what only the data can tell: existence, uniqueness, quotas, dependents.
 */
package io.sigil.iam.service;
