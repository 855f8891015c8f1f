package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.DeletionTask;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Service-linked roles: CreateServiceLinkedRole, DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus
 * (IAM API Reference; IAM User Guide, "Using service-linked roles"; spec §1.5, §10 H87).
 *
 * <p>A service-linked role is named and pathed by its service ({@link ServiceLinkedRoles}), trusts only that
 * service principal, has the service's AWS managed policy attached, does not count against the roles quota, and
 * refuses customer changes to its trust policy, inline and managed policies, boundary, session duration and
 * existence (see {@link RoleRules#requireModifiable}).
 *
 * <p>Deletion is asynchronous on AWS. Sigil has no linked resources that could keep a role in use, so
 * DeleteServiceLinkedRole deletes the role at once and records a task; the task reports {@code IN_PROGRESS} to the
 * first GetServiceLinkedRoleDeletionStatus and {@code SUCCEEDED} from then on, so clients that poll (the AWS CLI,
 * Terraform) see AWS's sequence. {@code FAILED} cannot happen here.
 */
public final class ServiceLinkedRoleService {

    private static final String TASK_PREFIX = "task/aws-service-role/";

    private final Store store;
    private final Clock clock;

    public ServiceLinkedRoleService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * CreateServiceLinkedRole.
     *
     * @param customSuffix null for none; appended as {@code _SUFFIX} where the service allows one
     * @throws IamException InvalidInput "Custom suffix is not allowed for SERVICE" and "Service role name NAME has
     *     been taken in this account, please try a different suffix." (AWS's texts, quoted in public reports)
     */
    public Role create(String accountId, String awsServiceName, String description, String customSuffix) {
        ServiceLinkedRoles.Entry entry = ServiceLinkedRoles.require(awsServiceName);
        boolean suffixed = customSuffix != null && !customSuffix.isEmpty();
        if (suffixed && !entry.customSuffix()) {
            throw IamException.invalidInput("Custom suffix is not allowed for " + awsServiceName);
        }
        String name = entry.roleName(customSuffix);
        Role role = Role.create(accountId, name, entry.path(), Ids.roleId(), now(), trustPolicy(awsServiceName),
                description, List.of()).linkedTo(awsServiceName);
        return store.inTransaction(tx -> {
            if (tx.roles().find(accountId, name).isPresent()) {
                throw IamException.invalidInput("Service role name " + name
                        + " has been taken in this account, please try a different suffix.");
            }
            Role created = tx.roles().create(role);
            // "The service controls the attached policies": the service's AWS managed policy, when the catalogue
            // has it (services outside the table of service-linked roles get none).
            if (entry.policyArn() != null && PolicyLookup.find(tx, accountId, entry.policyArn()).isPresent()) {
                tx.managedPolicies().attach(accountId, PolicyOwnerKind.ROLE, name, entry.policyArn());
            }
            return created;
        });
    }

    /**
     * DeleteServiceLinkedRole: submits the deletion and returns its task id, {@code
     * task/aws-service-role/<service-principal-name>/<role-name>/<task-uuid>}.
     *
     * @throws IamException NoSuchEntity for an unknown role or one that is not service-linked
     */
    public String delete(String accountId, String roleName) {
        return store.inTransaction(tx -> {
            Role role = tx.roles().get(accountId, roleName);
            if (!role.isServiceLinked()) {
                throw IamException.noSuchEntity("The role with name " + role.name()
                        + " is not a service-linked role.");
            }
            String taskId = TASK_PREFIX + role.linkedService() + "/" + role.name() + "/" + UUID.randomUUID();
            for (String arn : tx.managedPolicies().attached(accountId, PolicyOwnerKind.ROLE, role.name())) {
                tx.managedPolicies().detach(accountId, PolicyOwnerKind.ROLE, role.name(), arn);
            }
            tx.roles().delete(accountId, role.name());
            tx.deletionTasks().create(new DeletionTask(accountId, taskId, role.arn(), DeletionTask.IN_PROGRESS, null,
                    now()));
            return taskId;
        });
    }

    /**
     * GetServiceLinkedRoleDeletionStatus: {@code IN_PROGRESS} the first time, {@code SUCCEEDED} after.
     *
     * @throws IamException InvalidInput for an id not of AWS's form; NoSuchEntity for an unknown task
     */
    public DeletionTask status(String accountId, String deletionTaskId) {
        if (!deletionTaskId.startsWith(TASK_PREFIX)) {
            throw IamException.invalidInput("Invalid deletion task id: " + deletionTaskId);
        }
        return store.inTransaction(tx -> {
            DeletionTask task = tx.deletionTasks().find(accountId, deletionTaskId).orElseThrow(() ->
                    IamException.noSuchEntity("Deletion task " + deletionTaskId + " cannot be found."));
            if (task.status().equals(DeletionTask.IN_PROGRESS)) {
                tx.deletionTasks().update(task.withStatus(DeletionTask.SUCCEEDED));
            }
            return task;
        });
    }

    /** The service's trust policy: only the service principal may assume the role. */
    static String trustPolicy(String service) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
