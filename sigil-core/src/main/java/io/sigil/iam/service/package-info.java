/**
 * One service class per IAM API area. A service takes domain values (account id, names, paths, tags), runs each
 * operation in one {@link io.sigil.iam.store.Store} transaction and answers with domain records, or throws an
 * {@link io.sigil.iam.error.IamException} carrying AWS's code and message for that operation (IAM API Reference,
 * "Actions": the Errors section of each action).
 *
 * <p>Constraints that AWS checks before an operation runs (lengths, patterns, ranges) are the protocol layer's
 * job; a service checks what only the data can tell: existence, uniqueness, quotas, dependents.
 *
 * <p>Roles: {@link io.sigil.iam.service.RoleService}, {@link io.sigil.iam.service.RolePolicyService},
 * {@link io.sigil.iam.service.ServiceLinkedRoleService}, principal binding in trust policies
 * ({@link io.sigil.iam.service.TrustPolicies}); instance profiles:
 * {@link io.sigil.iam.service.InstanceProfileService}.
 *
 * <p>Console credentials: {@link io.sigil.iam.service.LoginProfileService} (login profiles and ChangePassword),
 * {@link io.sigil.iam.service.PasswordPolicyService} and {@link io.sigil.iam.service.PasswordRules} (the account
 * password policy, spec §5.1), {@link io.sigil.iam.service.MfaService} (virtual MFA devices, spec §5.5) and
 * {@link io.sigil.iam.service.PasswordVerifier} (console sign-in with lockout, for the console to come).
 */
package io.sigil.iam.service;
