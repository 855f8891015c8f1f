package io.sigil.iam;

/**
 * IAM quotas that the store enforces atomically with the write that would exceed them (spec §6; IAM User Guide,
 * "IAM and AWS STS quotas"). Adjustable quotas default to AWS's defaults; fixed ones cannot be raised in AWS but are
 * configurable here for tests.
 *
 * @param usersPerAccount adjustable, default 5,000
 * @param groupsPerAccount adjustable, default 300
 * @param rolesPerAccount adjustable, default 1,000
 * @param accessKeysPerUser fixed, 2 (also for the root user)
 * @param groupsPerUser fixed, 10 ("Groups an IAM user can be a member of")
 * @param tagsPerEntity fixed, 50 ("Tags per IAM resource")
 */
public record Limits(
        int usersPerAccount,
        int groupsPerAccount,
        int rolesPerAccount,
        int accessKeysPerUser,
        int groupsPerUser,
        int tagsPerEntity) {

    public static final Limits AWS_DEFAULTS = new Limits(5000, 300, 1000, 2, 10, 50);

    public Limits {
        if (usersPerAccount < 1 || groupsPerAccount < 1 || rolesPerAccount < 1 || accessKeysPerUser < 1
                || groupsPerUser < 1 || tagsPerEntity < 1) {
            throw new IllegalArgumentException("every quota is at least 1");
        }
    }

    public Limits withUsersPerAccount(int n) {
        return new Limits(n, groupsPerAccount, rolesPerAccount, accessKeysPerUser, groupsPerUser, tagsPerEntity);
    }
}
