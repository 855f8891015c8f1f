package io.sigil.iam.model;

import java.util.Objects;

/**
 * One IAM user or role that a role trust policy names by ARN, bound to the unique id the principal had when the
 * policy was saved (IAM User Guide, "IAM JSON policy elements: Principal" › "IAM role principals": "If your
 * Principal element in a role trust policy contains an ARN that points to a specific IAM role, then that ARN
 * transforms to the role's unique principal ID when you save the policy"; the same holds for IAM users).
 *
 * @param arn the principal ARN exactly as the policy spells it
 * @param principalId the unique id ({@code AIDA…} or {@code AROA…}) it was bound to
 */
public record TrustBinding(String arn, String principalId) {

    public TrustBinding {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(principalId, "principalId");
    }
}
