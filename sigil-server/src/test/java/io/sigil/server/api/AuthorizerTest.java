package io.sigil.server.api;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.Outcome;
import io.sigil.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Authorizer gathers a user's and its groups' inline policies from the store and asks the engine. */
class AuthorizerTest {
    private static final String ACCOUNT = "111122223333";
    @TempDir
    Path dir;
    private Store store;
    private Authorizer authorizer;
    private User alice;

    @BeforeEach
    void setUp() {
        store = JdbcStore.sqlite(dir.resolve("sigil.db"), SecretBox.random(), Limits.AWS_DEFAULTS);
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        alice = User.create(ACCOUNT, "alice", "/team/", Ids.userId(), now, null, List.of());
        store.write(tx -> {
            tx.accounts().create(Account.create(ACCOUNT, now));
            tx.users().create(alice);
            tx.groups().create(Group.create(ACCOUNT, "devs", "/", Ids.groupId(), now));
            tx.groups().addUser(ACCOUNT, "devs", "alice");
        });
        authorizer = new Authorizer(store);
    }

    @AfterEach
    void tearDown() {
        authorizer.close();
        store.close();
    }

    private Decision ask(Principal p, String action, String resource) {
        return authorizer.authorize(p, action, resource, ACCOUNT, Map.of("aws:username", ContextValue.of("alice")));
    }

    private void put(PolicyOwnerKind kind, String owner, String name, String doc) {
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, kind, owner, name, doc)));
    }

    @Test
    void userWithoutPolicies_isImplicitlyDenied_withAwsMessage() {
        Principal p = Principal.user(alice, "AKIAEXAMPLE000000001");
        String resource = "arn:aws:iam::" + ACCOUNT + ":user/bob";
        Decision d = ask(p, "iam:CreateUser", resource);
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(Authorizer.deniedMessage(p, "iam:CreateUser", resource, d)).isEqualTo(
                "User: arn:aws:iam::111122223333:user/team/alice is not authorized to perform: iam:CreateUser on "
                        + "resource: arn:aws:iam::111122223333:user/bob because no identity-based policy allows the "
                        + "iam:CreateUser action");
    }

    @Test
    void userInlinePolicy_allows_andANewPolicyTakesEffectOnTheNextCall() {
        Principal p = Principal.user(alice, "AKIAEXAMPLE000000001");
        String own = "arn:aws:iam::" + ACCOUNT + ":user/team/alice";
        assertThat(ask(p, "iam:ListAccessKeys", own).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        put(PolicyOwnerKind.USER, "alice", "self", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:*AccessKey*\",\"Resource\":\"arn:aws:iam::*:user/*/${aws:username}\"}}");
        assertThat(ask(p, "iam:ListAccessKeys", own).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(ask(p, "iam:ListAccessKeys", "arn:aws:iam::" + ACCOUNT + ":user/team/bob").outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void groupInlineDeny_overridesTheUsersAllow_withExplicitDenyMessage() {
        Principal p = Principal.user(alice, "AKIAEXAMPLE000000001");
        put(PolicyOwnerKind.USER, "alice", "all", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:*\",\"Resource\":\"*\"}}");
        put(PolicyOwnerKind.GROUP, "devs", "no-delete", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                + "\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\"}}");
        String bob = "arn:aws:iam::" + ACCOUNT + ":user/bob";
        assertThat(ask(p, "iam:CreateUser", bob).outcome()).isEqualTo(Outcome.ALLOW);
        Decision d = ask(p, "iam:DeleteUser", bob);
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(Authorizer.deniedMessage(p, "iam:DeleteUser", bob, d))
                .endsWith("on resource: " + bob + " with an explicit deny in an identity-based policy");
    }

    @Test
    void leavingAGroup_dropsItsPolicies() {
        Principal p = Principal.user(alice, "AKIAEXAMPLE000000001");
        put(PolicyOwnerKind.GROUP, "devs", "list", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}}");
        String users = "arn:aws:iam::" + ACCOUNT + ":user/";
        assertThat(ask(p, "iam:ListUsers", users).outcome()).isEqualTo(Outcome.ALLOW);
        store.write(tx -> tx.groups().removeUser(ACCOUNT, "devs", "alice"));
        assertThat(ask(p, "iam:ListUsers", users).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void accountRoot_isAllowedInItsOwnAccount() {
        Principal root = Principal.root(ACCOUNT, "AKIAROOT000000000001");
        assertThat(ask(root, "iam:DeleteUser", "arn:aws:iam::" + ACCOUNT + ":user/alice").outcome())
                .isEqualTo(Outcome.ALLOW);
    }
}
