package io.sigil.iam.service;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;

/**
 * The checks IAM makes on a managed policy document before storing it (CreatePolicy, CreatePolicyVersion):
 * its size, whitespace not counted ("IAM and AWS STS quotas": managed policy size 6,144 characters; LimitExceeded
 * "Cannot exceed quota for PolicySize: 6144"), then its grammar for an identity-based policy (MalformedPolicyDocument
 * with the first error IAM reports).
 */
final class PolicyDocuments {

    private PolicyDocuments() {
    }

    static void requireValid(String document, Limits limits) {
        ValidationReport report = PolicyValidator.validate(document, PolicyType.IDENTITY);
        if (report.size() > limits.managedPolicySize()) {
            throw IamException.quotaExceeded("PolicySize", limits.managedPolicySize());
        }
        if (report.hasErrors()) {
            throw IamException.malformedPolicyDocument(report.firstErrorMessage());
        }
    }
}
