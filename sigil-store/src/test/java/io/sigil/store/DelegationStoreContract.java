package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.DelegationPermissions;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.DelegationState;
import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.model.OutboundFederation;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store suite for outbound web identity federation (setting, issuer, signing keys) and delegation requests, run
 * on every dialect by {@link StoreContract}.
 */
interface DelegationStoreContract {

    Store store();

    String account();

    Instant now();

    Store openWithAnotherMasterKey();

    /** Fails if {@code secret} appears in clear in the row {@code id} of {@code table} (or anywhere in the file). */
    void assertRowKeepsNoClearText(String table, String id, String secret) throws Exception;

    private DelegationRequest request(String id, String workflow, String ownerAccount, String ownerId) {
        return new DelegationRequest(id, account(), workflow, ownerAccount, ownerId, "desc", "msg",
                new DelegationPermissions("arn:aws:iam::aws:policy/ReadOnlyAccess", List.of(
                        new DelegationPermissions.Parameter("Bucket", "string", List.of("b1")),
                        new DelegationPermissions.Parameter("Regions", "stringList", List.of("r1", "r2")))),
                "{\"Version\":\"2012-10-17\"}", "https://partner.example/back", "arn:aws:sns:us-east-1:1:t", 3600,
                true, ownerId == null ? DelegationState.UNASSIGNED : DelegationState.ASSIGNED, now(), now(),
                now().plusSeconds(600), null, null, null, null, null, null, null, null, 0);
    }

    private String newId() {
        return "dr-" + UUID.randomUUID();
    }

    @Test
    default void outboundFederation_keepsItsIssuerIdAcrossDisableAndEnable_andIsFoundByIssuer() {
        String issuer = UUID.randomUUID().toString();
        store().write(tx -> tx.outboundFederation().put(new OutboundFederation(account(), issuer, true, now())));
        store().write(tx -> tx.outboundFederation().put(
                new OutboundFederation(account(), "another-id", false, now().plusSeconds(1))));
        OutboundFederation s = store().read(tx -> tx.outboundFederation().find(account())).orElseThrow();
        assertThat(s.issuerId()).isEqualTo(issuer);
        assertThat(s.enabled()).isFalse();
        assertThat(s.changedAt()).isEqualTo(now().plusSeconds(1));
        Optional<OutboundFederation> byIssuer = store().read(tx -> tx.outboundFederation().findByIssuer(issuer));
        Optional<OutboundFederation> unknown = store().read(tx -> tx.outboundFederation().findByIssuer("another-id"));
        Optional<OutboundFederation> locked = store().inTransaction(tx -> tx.outboundFederation()
                .findForUpdate(account()));
        assertThat(locked).contains(s);
        assertThat(byIssuer).contains(s);
        assertThat(unknown).isEmpty();
    }

    @Test
    default void signingKeys_roundTrip_andTheirPrivateHalfOpensOnlyUnderTheMasterKeyThatSealedIt() {
        store().write(tx -> tx.outboundFederation().put(new OutboundFederation(account(), UUID.randomUUID().toString(),
                true, now())));
        byte[] priv = ("PRIVATE-KEY-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        JwtSigningKey k = new JwtSigningKey(account(), "RS256", UUID.randomUUID().toString(), new byte[] {1, 2, 3},
                priv, now());
        boolean added = store().inTransaction(tx -> tx.outboundFederation().addSigningKey(k));
        JwtSigningKey late = new JwtSigningKey(account(), "RS256", UUID.randomUUID().toString(), new byte[] {4},
                priv, now());
        boolean secondAdded = store().inTransaction(tx -> tx.outboundFederation().addSigningKey(late));
        assertThat(added).isTrue();
        assertThat(secondAdded).as("the first key of an algorithm wins").isFalse();
        List<JwtSigningKey> keys = store().read(tx -> tx.outboundFederation().signingKeys(account()));
        assertThat(keys).containsExactly(k);
        Store wrongKey = openWithAnotherMasterKey();
        assertIamError(() -> wrongKey.read(tx -> tx.outboundFederation().signingKeys(account())), "ServiceFailure",
                null);
    }

    @Test
    default void delegationRequests_roundTripWithTheirParameters_andTheWorkflowIdIsUniquePerRequestor() {
        String id = newId();
        DelegationRequest r = store().inTransaction(tx -> tx.delegationRequests().create(request(id, "wf-1", null,
                null)));
        assertThat(r.permissions()).isEqualTo(request(id, "wf-1", null, null).permissions());
        assertThat(r.state()).isEqualTo(DelegationState.UNASSIGNED);
        assertThat(r.expirationTime()).isEqualTo(now().plusSeconds(600));
        assertThat(r.onlySendByOwner()).isTrue();
        assertIamError(() -> store().write(tx -> tx.delegationRequests().create(request(newId(), "wf-1", null,
                null))), "EntityAlreadyExists", null);
    }

    @Test
    default void delegationRequestUpdates_checkTheVersion_andSealTheTokenSecret() throws Exception {
        String id = newId();
        DelegationRequest r = store().inTransaction(tx -> tx.delegationRequests().create(request(id, "wf-2", null,
                null)));
        String secret = "TRADE-IN-SECRET-" + UUID.randomUUID();
        DelegationRequest done = store().inTransaction(tx -> tx.delegationRequests().update(r.toBuilder()
                .owner(account(), "arn:aws:iam::" + account() + ":root").approver("a", "p", "s", "n")
                .released(secret.getBytes(StandardCharsets.US_ASCII), now())
                .state(DelegationState.FINALIZED, now()).build()));
        assertThat(done.version()).isEqualTo(r.version() + 1);
        assertThat(new String(done.tradeInSecret(), StandardCharsets.US_ASCII)).isEqualTo(secret);
        assertThat(done.approverSessionName()).isEqualTo("n");
        assertIamError(() -> store().write(tx -> tx.delegationRequests().update(r.toBuilder().notes("late")
                .build())), "ConcurrentModification", null);
        assertRowKeepsNoClearText("delegation_requests", id, secret);
    }

    @Test
    default void listOwned_leavesOutRequestsWithoutAnOwner_filtersByOwner_andPagesById() {
        String other = Ids.accountId();
        store().write(tx -> tx.accounts().create(Account.create(other, now())));
        String alice = "arn:aws:iam::" + other + ":user/alice";
        String bob = "arn:aws:iam::" + other + ":user/bob";
        store().write(tx -> {
            tx.delegationRequests().create(request("dr-a-" + UUID.randomUUID(), "w1", other, alice));
            tx.delegationRequests().create(request("dr-b-" + UUID.randomUUID(), "w2", other, bob));
            tx.delegationRequests().create(request("dr-c-" + UUID.randomUUID(), "w3", other, alice));
            tx.delegationRequests().create(request("dr-d-" + UUID.randomUUID(), "w4", other, null));
        });
        Page<DelegationRequest> all = store().read(tx -> tx.delegationRequests().listOwned(other, null,
                PageRequest.first()));
        assertThat(all.items()).extracting(DelegationRequest::requestorWorkflowId).containsExactly("w1", "w2", "w3");
        assertThat(store().read(tx -> tx.delegationRequests().listOwned(other, alice, PageRequest.first())).items())
                .extracting(DelegationRequest::requestorWorkflowId).containsExactly("w1", "w3");
        Page<DelegationRequest> first = store().read(tx -> tx.delegationRequests().listOwned(other, null,
                PageRequest.of(2)));
        assertThat(first.isTruncated()).isTrue();
        Page<DelegationRequest> rest = store().read(tx -> tx.delegationRequests().listOwned(other, null,
                PageRequest.of(2).after(first.nextMarker())));
        assertThat(rest.items()).extracting(DelegationRequest::requestorWorkflowId).containsExactly("w3");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    default void accountProperties_areSetPerKey_replacingTheOldValue_andStayInTheirAccount() {
        String other = Ids.accountId();
        store().write(tx -> tx.accounts().create(Account.create(other, now())));
        store().write(tx -> tx.accountProperties().put(account(), java.util.Map.of("RoleManager/Enabled", "true")));
        store().write(tx -> tx.accountProperties().put(account(), java.util.Map.of("RoleManager/Enabled", "false",
                "RoleManager/Other", "x")));
        java.util.Map<String, String> mine = store().read(tx -> tx.accountProperties().all(account()));
        java.util.Map<String, String> theirs = store().read(tx -> tx.accountProperties().all(other));
        assertThat(mine).containsExactly(java.util.Map.entry("RoleManager/Enabled", "false"),
                java.util.Map.entry("RoleManager/Other", "x"));
        assertThat(theirs).isEmpty();
    }
}
