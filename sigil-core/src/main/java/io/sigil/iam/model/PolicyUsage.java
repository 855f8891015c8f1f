package io.sigil.iam.model;

/**
 * How a managed policy is used in one account (API Reference, "Policy": {@code AttachmentCount} "The number of
 * entities (users, groups, and roles) that the policy is attached to"; {@code PermissionsBoundaryUsageCount} "The
 * number of entities (users and roles) for which the policy is used to set the permissions boundary").
 */
public record PolicyUsage(int attachmentCount, int permissionsBoundaryUsageCount) {

    public static final PolicyUsage NONE = new PolicyUsage(0, 0);

    public boolean isAttached() {
        return attachmentCount > 0;
    }

    public boolean isUsedAsBoundary() {
        return permissionsBoundaryUsageCount > 0;
    }
}
