package io.sigil.server.api.sts;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.User;
import io.sigil.server.api.iam.Entities;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS GetCallerIdentity through the AWS SDK for Java v2 (AWS STS API Reference, "GetCallerIdentity"). */
class StsIdentityIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void theRoot_isItsAccount_withTheRootArn_andTheAccountIdAsUserId() {
        try (StsClient sts = SIGIL.server().rootSts()) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();

            assertThat(me.account()).isEqualTo(SigilTestServer.ACCOUNT_ID);
            assertThat(me.arn()).isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":root");
            assertThat(me.userId()).isEqualTo(SigilTestServer.ACCOUNT_ID);
        }
    }

    @Test
    void anIamUser_isItsUserArn_andItsUniqueId_withoutAnyPolicy() {
        User user = SIGIL.server().app().store().inTransaction(tx -> tx.users().create(User.create(
                SigilTestServer.ACCOUNT_ID, "caller", "/division/", Ids.userId(), Instant.now(), null, List.of())));
        AccessKey key;
        try (IamClient root = SIGIL.server().rootIam()) {
            key = root.createAccessKey(r -> r.userName("caller")).accessKey();
        }

        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();

            assertThat(me.account()).isEqualTo(SigilTestServer.ACCOUNT_ID);
            assertThat(me.arn()).isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":user/division/caller");
            assertThat(me.userId()).isEqualTo(user.id()).startsWith("AIDA").hasSize(21);
        }
    }

    @Test
    void anExplicitDenyOfEverything_stillLetsTheUserAskWhoItIs() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "denied");
        try (IamClient root = SIGIL.server().rootIam()) {
            root.putUserPolicy(r -> r.userName("denied").policyName("deny-all").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
        }

        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":user/denied");
        }
    }
}
