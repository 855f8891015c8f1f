package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a managed policy (IAM User Guide, "Versioning IAM policies"; API Reference, "PolicyVersion"):
 * ids are {@code v1, v2, …}, never reused within a policy, and the document is kept as submitted.
 *
 * @param policyArn the policy it belongs to
 * @param versionId {@code v} and a number
 * @param isDefault whether it is the version in force
 */
public record PolicyVersion(String policyArn, String versionId, String document, boolean isDefault,
        Instant createDate) {

    /** "The first version of a policy is v1, and it is the default version" (CreatePolicy). */
    public static final String FIRST = "v1";

    public PolicyVersion {
        Objects.requireNonNull(policyArn, "policyArn");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** {@code v7} for 7. */
    public static String id(long number) {
        return "v" + number;
    }

    /**
     * The number of a version id, or -1 if it is not one. The API accepts {@code v[1-9][0-9]*(\.[A-Za-z0-9-]*)?}
     * (botocore {@code policyVersionIdType}); IAM itself only ever issues the part before the dot.
     */
    public static long number(String versionId) {
        if (versionId == null || !versionId.matches("v[1-9][0-9]{0,17}")) {
            return -1;
        }
        return Long.parseLong(versionId.substring(1));
    }
}
