package io.sigil.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.Outcome;
import io.sigil.store.JdbcStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Authorizer counts managed policies attached to the user and its groups (default versions; AWS managed ones
 * from the catalogue) and passes the user's permissions boundary to the engine; attachment, version and boundary
 * changes reach the next decision.
 */
class ManagedPolicyAuthorizerTest {
    private static final String ACCOUNT = "111122223333";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final String USER_ARN = "arn:aws:iam::111122223333:user/bob";
    @TempDir
    Path dir;
    private Store store;
    private Authorizer authorizer;
    private Principal alice;

    @BeforeEach
    void setUp() {
        store = JdbcStore.sqlite(dir.resolve("sigil.db"), SecretBox.random(), Limits.AWS_DEFAULTS);
        User user = User.create(ACCOUNT, "alice", "/", Ids.userId(), NOW, null, List.of());
        store.write(tx -> {
            tx.accounts().create(Account.create(ACCOUNT, NOW));
            tx.users().create(user);
            tx.groups().create(Group.create(ACCOUNT, "devs", "/", Ids.groupId(), NOW));
            tx.groups().addUser(ACCOUNT, "devs", "alice");
        });
        alice = Principal.user(user, "AKIAEXAMPLE000000001");
        authorizer = new Authorizer(store);
    }

    @AfterEach
    void tearDown() {
        authorizer.close();
        store.close();
    }

    private Decision ask(String action) {
        return authorizer.authorize(alice, action, USER_ARN, ACCOUNT, Map.of("aws:username", ContextValue.of("alice")));
    }

    private static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    private String createPolicy(String name, String document) {
        ManagedPolicy p = ManagedPolicy.create(ACCOUNT, name, "/", Ids.policyId(), null, NOW, List.of());
        return store.inTransaction(tx -> tx.managedPolicies().create(p, document)).arn();
    }

    private void attach(PolicyOwnerKind kind, String name, String arn) {
        store.write(tx -> tx.managedPolicies().attach(ACCOUNT, kind, name, arn));
    }

    @Test
    void anAwsManagedPolicyAttachedToTheUser_allows_andDetachingItTakesEffectAtOnce() {
        assertThat(ask("iam:CreateUser").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        attach(PolicyOwnerKind.USER, "alice", ADMIN);
        assertThat(ask("iam:CreateUser").outcome()).isEqualTo(Outcome.ALLOW);
        store.write(tx -> tx.managedPolicies().detach(ACCOUNT, PolicyOwnerKind.USER, "alice", ADMIN));
        assertThat(ask("iam:CreateUser").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aCustomerPolicyAttachedToAGroup_counts_withItsDefaultVersionOnly() {
        String arn = createPolicy("GroupPolicy", allow("iam:GetUser"));
        attach(PolicyOwnerKind.GROUP, "devs", arn);
        assertThat(ask("iam:GetUser").outcome()).isEqualTo(Outcome.ALLOW);
        store.write(tx -> tx.managedPolicies().createVersion(arn, allow("iam:ListUsers"), false, NOW));
        assertThat(ask("iam:ListUsers").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        store.write(tx -> tx.managedPolicies().setDefaultVersion(arn, "v2"));
        assertThat(ask("iam:ListUsers").outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(ask("iam:GetUser").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void theUsersBoundary_capsAnAttachedAdministratorAccess_withAwsReason() {
        attach(PolicyOwnerKind.USER, "alice", ADMIN);
        String boundary = createPolicy("OnlyGet", allow("iam:Get*"));
        store.write(tx -> tx.users().update(tx.users().get(ACCOUNT, "alice").withPermissionsBoundary(boundary)));
        assertThat(ask("iam:GetUser").outcome()).isEqualTo(Outcome.ALLOW);
        Decision d = ask("iam:CreateUser");
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(Authorizer.deniedMessage(alice, "iam:CreateUser", USER_ARN, d)).endsWith(
                "because no permissions boundary allows the iam:CreateUser action");
        store.write(tx -> tx.users().update(tx.users().get(ACCOUNT, "alice").withPermissionsBoundary(null)));
        assertThat(ask("iam:CreateUser").outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void anAwsManagedBoundary_capsToo() {
        attach(PolicyOwnerKind.USER, "alice", ADMIN);
        store.write(tx -> tx.users().update(tx.users().get(ACCOUNT, "alice")
                .withPermissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess")));
        assertThat(ask("iam:ListUsers").outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(ask("iam:DeleteUser").outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }
}
