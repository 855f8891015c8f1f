package io.sigil.iam.store;

import io.sigil.iam.model.DeletionTask;
import java.util.Optional;

/** Deletion tasks of service-linked roles (DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus). */
public interface DeletionTaskStore {

    void create(DeletionTask task);

    Optional<DeletionTask> find(String accountId, String taskId);

    /** Writes the task's status and reason. */
    void update(DeletionTask task);
}
