package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.service.PolicyLookup;
import io.sigil.iam.store.GroupStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.RoleStore;
import io.sigil.iam.store.Tx;
import io.sigil.iam.store.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.PolicySourceType;

/**
 * The policies SimulatePrincipalPolicy and GetContextKeysForPrincipalPolicy read for a {@code PolicySourceArn}
 * (IAM API Reference, "SimulatePrincipalPolicy": "If you specify a user, group, or role, the simulation includes all
 * policies that are associated with that entity. If you specify a user, the simulation also includes all policies
 * that are attached to any groups the user belongs to"), each named as AWS names it in {@code SourcePolicyId}: an
 * inline policy {@code user_NAME_POLICY}, {@code group_NAME_POLICY} or {@code role_NAME_POLICY}, a managed policy by
 * its name; the entity's permissions boundary comes apart, since it only limits.
 */
final class SimulationPolicies {

    /**
     * One policy in a simulation: its SourcePolicyId, SourcePolicyType, and text; a managed policy's ARN, or where an
     * inline policy is embedded (null otherwise).
     */
    record Source(String id, PolicySourceType type, String document, String arn, Embedded embedded) {
        /** A policy that is neither managed nor an entity's inline one (submitted or resource-based). */
        Source(String id, PolicySourceType type, String document) {
            this(id, type, document, null, null);
        }

        /** A managed policy. */
        Source(String id, PolicySourceType type, String document, String arn) {
            this(id, type, document, arn, null);
        }
    }

    /** An inline policy's place: the kind of entity (user, group or role), its name, and the policy's name. */
    record Embedded(String kind, String owner, String policyName) {
    }

    /**
     * What a principal brings to a simulation.
     *
     * @param kind       user, group or role
     * @param arn        the entity's ARN as stored
     * @param identity   its identity-based policies (for a user, its groups' too)
     * @param boundary   its permissions boundary, or null for none
     */
    record Principal(PolicySourceType kind, String arn, List<Source> identity, Source boundary) {
        Principal {
            identity = List.copyOf(identity);
        }
    }

    /** {@code arn:aws:iam::ACCOUNT:(user|group|role)/PATH/NAME}. */
    private static final Pattern ENTITY_ARN =
            Pattern.compile("arn:aws:iam::(\\d{12}):(user|group|role)((?:/[^/]+)*)/([^/]+)");

    private SimulationPolicies() {
    }

    /**
     * Loads the entity the ARN names in the caller's account.
     *
     * @throws IamException InvalidInput for an ARN that names no user, group or role, or one of another account;
     *     NoSuchEntity for one that does not exist. The InvalidInput texts are AWS's, as real answers quote them
     *     ("Invalid Entity Arn: arn:aws:sts::...:assumed-role/... does not clearly define entity type and name.",
     *     aws-cloudformation/rain, internal/aws/iam/iam.go; "Invalid Policy Source Arn: caller's account ... does not
     *     have access to policies in account ...")
     */
    static Principal load(Tx tx, String accountId, String sourceArn) {
        Matcher m = ENTITY_ARN.matcher(sourceArn == null ? "" : sourceArn);
        if (!m.matches()) {
            throw IamException.invalidInput("Invalid Entity Arn: " + sourceArn
                    + " does not clearly define entity type and name.");
        }
        if (!m.group(1).equals(accountId)) {
            throw IamException.invalidInput("Invalid Policy Source Arn: caller's account " + accountId
                    + " does not have access to policies in account " + m.group(1));
        }
        String kind = m.group(2);
        String name = m.group(4);
        switch (kind) {
            case "user": {
                User user = tx.users().find(accountId, name)
                        .orElseThrow(() -> UserStore.noSuchUser(name));
                List<Source> identity = new ArrayList<>(own(tx, accountId, PolicyOwnerKind.USER, user.name()));
                for (Group g : groups(tx, accountId, user.name())) {
                    identity.addAll(own(tx, accountId, PolicyOwnerKind.GROUP, g.name()));
                }
                return new Principal(PolicySourceType.USER, user.arn(), identity,
                        boundary(tx, accountId, user.permissionsBoundaryArn()));
            }
            case "group": {
                Group group = tx.groups().find(accountId, name)
                        .orElseThrow(() -> GroupStore.noSuchGroup(name));
                return new Principal(PolicySourceType.GROUP, group.arn(),
                        own(tx, accountId, PolicyOwnerKind.GROUP, group.name()), null);
            }
            default: {
                Role role = tx.roles().find(accountId, name)
                        .orElseThrow(() -> RoleStore.noSuchRole(name));
                return new Principal(PolicySourceType.ROLE, role.arn(),
                        own(tx, accountId, PolicyOwnerKind.ROLE, role.name()),
                        boundary(tx, accountId, role.permissionsBoundaryArn()));
            }
        }
    }

    /** The SourcePolicyId of an inline policy, as AWS names it: {@code user_alice_Name}, {@code group_Dev_Name}. */
    private static String inlineId(String ownerKind, String ownerName, String policyName) {
        return ownerKind + "_" + ownerName + "_" + policyName;
    }

    /** An entity's own inline policies, then its attached managed policies. */
    private static List<Source> own(Tx tx, String accountId, PolicyOwnerKind kind, String name) {
        List<Source> out = new ArrayList<>();
        PolicySourceType type = PolicySourceType.fromValue(kind.noun());
        for (InlinePolicy p : tx.inlinePolicies().all(accountId, kind, name)) {
            out.add(new Source(inlineId(kind.noun(), name, p.name()), type, p.document(), null,
                    new Embedded(kind.noun(), name, p.name())));
        }
        for (String arn : tx.managedPolicies().attached(accountId, kind, name)) {
            Source s = managed(tx, accountId, arn);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Group> groups(Tx tx, String accountId, String userName) {
        List<Group> out = new ArrayList<>();
        PageRequest page = new PageRequest("/", null, PageRequest.MAX_MAX_ITEMS);
        while (true) {
            Page<Group> groups = tx.groups().listForUser(accountId, userName, page);
            out.addAll(groups.items());
            if (!groups.isTruncated()) {
                return out;
            }
            page = page.after(groups.nextMarker());
        }
    }

    /**
     * The entity's permissions boundary, or null for none. A boundary whose policy cannot be read allows nothing, as
     * the enforcing Authorizer reads it, so the simulation denies what the real call would.
     */
    private static Source boundary(Tx tx, String accountId, String arn) {
        if (arn == null) {
            return null;
        }
        Source s = managed(tx, accountId, arn);
        return s != null ? s : new Source(arn.substring(arn.lastIndexOf('/') + 1), PolicySourceType.USER_MANAGED,
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}", arn);
    }

    /** A managed policy's default version (AWS managed from the catalogue), or null if it is gone. */
    private static Source managed(Tx tx, String accountId, String arn) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        if (AwsManagedPolicies.isAwsManagedArn(arn)) {
            return AwsManagedPolicies.catalogue().find(arn)
                    .map(e -> new Source(name, PolicySourceType.AWS_MANAGED, e.document(), arn)).orElse(null);
        }
        return PolicyLookup.defaultVersion(tx, accountId, arn)
                .map(v -> new Source(name, PolicySourceType.USER_MANAGED, v.document(), arn)).orElse(null);
    }
}
