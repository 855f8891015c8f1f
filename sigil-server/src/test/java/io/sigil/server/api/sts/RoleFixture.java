package io.sigil.server.api.sts;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;

import java.time.Instant;
import java.util.List;

/**
 * Roles, and users of a second account, written straight into the STS test server's store, so the AssumeRole
 * tests do not depend on the role operations.
 */
final class RoleFixture {
    static final String ACCT = SigilTestServer.ACCOUNT_ID;
    static final String OTHER = "111122223333";

    private RoleFixture() {
    }

    /** A role of {@code account} with a trust policy, an optional inline permissions policy and a max session. */
    static Role role(String account, String name, String trust, String permissions, int maxSession, List<Tag> tags) {
        SigilTestServer server = StsServer.get();
        return server.app().store().inTransaction(tx -> {
            ensureAccount(tx, account);
            Role r = tx.roles().create(Role.create(account, name, "/", Ids.roleId(), Instant.now(), trust, null, tags));
            if (maxSession != Role.DEFAULT_MAX_SESSION_DURATION) {
                r = tx.roles().update(r.withDescription(null, maxSession));
            }
            if (permissions != null) {
                tx.inlinePolicies().put(new InlinePolicy(account, PolicyOwnerKind.ROLE, name, "perm", permissions));
            }
            return r;
        });
    }

    static Role role(String name, String trust, String permissions) {
        return role(ACCT, name, trust, permissions, Role.DEFAULT_MAX_SESSION_DURATION, List.of());
    }

    /** A user of another account with an inline policy (or none) and an active key: {id, secret}. */
    static String[] otherAccountUser(String name, String policy) {
        String secret = Ids.secretAccessKey();
        String keyId = Ids.accessKeyId();
        StsServer.get().app().store().inTransaction(tx -> {
            ensureAccount(tx, OTHER);
            User u = tx.users().create(User.create(OTHER, name, "/", Ids.userId(), Instant.now(), null, List.of()));
            if (policy != null) {
                tx.inlinePolicies().put(new InlinePolicy(OTHER, PolicyOwnerKind.USER, name, "p", policy));
            }
            tx.accessKeys().create(new AccessKey(OTHER, keyId, u.id(), u.name(), AccessKeyStatus.ACTIVE,
                    Instant.now(), null), secret);
            return u;
        });
        return new String[] {keyId, secret};
    }

    private static void ensureAccount(io.sigil.iam.store.Tx tx, String account) {
        if (tx.accounts().find(account).isEmpty()) {
            tx.accounts().create(Account.create(account, Instant.now()));
        }
    }

    /** A trust policy: {"Effect":"Allow","Principal":{"AWS":PRINCIPAL},"Action":ACTIONS[,"Condition":C]}. */
    static String trust(String principal, String actionsJson, String conditionJson) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":" + actionsJson
                + (conditionJson == null ? "" : ",\"Condition\":" + conditionJson) + "}]}";
    }

    static String userArn(String name) {
        return "arn:aws:iam::" + ACCT + ":user/" + name;
    }

    static String roleArn(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }
}
