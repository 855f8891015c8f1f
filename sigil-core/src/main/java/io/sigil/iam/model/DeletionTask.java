package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The deletion of a service-linked role (API Reference, "DeleteServiceLinkedRole",
 * "GetServiceLinkedRoleDeletionStatus"). Its id has AWS's form
 * {@code task/aws-service-role/<service-principal-name>/<role-name>/<task-uuid>}.
 *
 * @param status {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code SUCCEEDED} or {@code FAILED}
 * @param reason why it failed, null otherwise
 */
public record DeletionTask(String accountId, String id, String roleArn, String status, String reason,
        Instant createDate) {

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";

    public DeletionTask {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }

    public DeletionTask withStatus(String newStatus) {
        return new DeletionTask(accountId, id, roleArn, newStatus, reason, createDate);
    }
}
