package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import java.util.regex.Pattern;

/**
 * Which managed policies can serve as a permissions boundary (IAM User Guide, "Permissions boundaries for IAM
 * entities": "You can use an AWS managed policy or a customer managed policy to set the boundary").
 * {@link BoundaryService} answers from the managed-policy store and the AWS managed catalogue; {@link
 * #ownAccountOrAws()}, which checks only the ARN's account, serves tests that need no policies.
 */
@FunctionalInterface
public interface BoundaryPolicies {

    /** {@code arn:aws:iam::aws:policy/...} or {@code arn:aws:iam::123456789012:policy/path/Name}. */
    Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(aws|[0-9]{12}):policy(/[\\u0021-\\u007E]*)?/[\\w+=,.@-]{1,128}");

    /** True if {@code policyArn} names a managed policy that exists and that {@code accountId} may attach. */
    boolean isAttachable(String accountId, String policyArn);

    /**
     * Any AWS managed policy ARN and any policy ARN of the account itself; a customer managed policy of another
     * account is never attachable. Existence is not checked: that needs the managed-policy store.
     */
    static BoundaryPolicies ownAccountOrAws() {
        return (accountId, arn) -> arn.startsWith("arn:aws:iam::aws:policy/")
                || arn.startsWith("arn:aws:iam::" + accountId + ":policy/");
    }

    /**
     * Checks a boundary given to CreateUser (and later Put{User,Role}PermissionsBoundary).
     *
     * @throws IamException InvalidInput if it is not a managed-policy ARN ("ARN X is not valid.", the text IAM
     *     gives for a malformed policy ARN); NoSuchEntity if no such policy can be attached, in the words IAM
     *     answers CreateUser with: "Scope ARN: arn:aws:iam::271311691044:policy/DemoUser does not exist or is not
     *     attachable." (quoted in hashicorp/boundary#4255, 2024)
     */
    default void requireAttachable(String accountId, String policyArn) {
        if (!POLICY_ARN.matcher(policyArn).matches()) {
            throw IamException.invalidInput("ARN " + policyArn + " is not valid.");
        }
        if (!isAttachable(accountId, policyArn)) {
            throw IamException.noSuchEntity("Scope ARN: " + policyArn + " does not exist or is not attachable.");
        }
    }
}
