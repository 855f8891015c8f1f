package io.sigil.server.api.sts;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Account;
import io.sigil.server.testing.SigilTestServer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Instant;

/**
 * A fresh account with a root access key, written straight into the shared STS test server's store (Sigil has no
 * API that creates accounts; they come from provisioning), so a test owns an account-level setting alone.
 */
record AccountFixture(String accountId, String keyId, String secret) {

    static AccountFixture create() {
        String account = Ids.accountId();
        String keyId = Ids.accessKeyId();
        String secret = Ids.secretAccessKey();
        StsServer.get().app().store().write(tx -> {
            tx.accounts().create(Account.create(account, Instant.now()));
            tx.accessKeys().create(new AccessKey(account, keyId, null, null, AccessKeyStatus.ACTIVE, Instant.now(),
                    null), secret);
        });
        return new AccountFixture(account, keyId, secret);
    }

    IamClient iam() {
        return server().iam(keyId, secret);
    }

    StsClient sts() {
        return server().sts(keyId, secret);
    }

    static SigilTestServer server() {
        return StsServer.get();
    }
}
