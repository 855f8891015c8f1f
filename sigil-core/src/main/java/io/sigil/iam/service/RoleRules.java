package io.sigil.iam.service;

import io.sigil.iam.Limits;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;

/** Checks shared by the role operations: trust policy validity and size, and the protection of service-linked roles. */
final class RoleRules {

    private RoleRules() {
    }

    /**
     * A trust policy as CreateRole and UpdateAssumeRolePolicy accept it: valid for its type (a principal required,
     * IAM's first error answered as MalformedPolicyDocument) and at most 2,048 characters, whitespace not counted,
     * else LimitExceeded in AWS's words: "Cannot exceed quota for ACLSizePerRole: 2048" (IAM and AWS STS quotas,
     * "Role trust policy length"; the text is what IAM answers, as quoted in many public reports).
     */
    static void requireValidTrustPolicy(String document) {
        ValidationReport report = PolicyValidator.validate(document, PolicyType.TRUST);
        if (report.hasErrors()) {
            throw IamException.malformedPolicyDocument(report.firstErrorMessage());
        }
        if (report.size() > Limits.TRUST_POLICY_SIZE) {
            throw IamException.quotaExceeded("ACLSizePerRole", Limits.TRUST_POLICY_SIZE);
        }
    }

    /**
     * Refuses a customer's change to a service-linked role: "only the service that depends on the service-linked
     * role can modify or delete the role" (API Reference, UnmodifiableEntity). The message is the one IAM answers,
     * e.g. "Cannot perform the operation on the protected role 'AWSServiceRoleForAmazonGuardDuty' - this role is
     * only modifiable by AWS" (quoted from DeleteRolePolicy and DetachRolePolicy answers in public reports).
     */
    static void requireModifiable(Role role) {
        if (role.isServiceLinked()) {
            throw unmodifiable(role.name());
        }
    }

    static IamException unmodifiable(String roleName) {
        return new IamException(ErrorCode.UNMODIFIABLE_ENTITY, "Cannot perform the operation on the protected role '"
                + roleName + "' - this role is only modifiable by AWS");
    }
}
