package io.sigil.server.api.iam;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Trust policies, and users written straight into a test server's store, so that the role tests do not depend on
 * the Users and AccessKeys operations.
 */
final class RoleFixtures {

    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String S3_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    private RoleFixtures() {
    }

    /** A trust policy that trusts one AWS principal (an ARN or account id). */
    static String trusting(String awsPrincipal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + awsPrincipal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** A valid trust policy of exactly {@code size} non-whitespace characters, padded in the Sid. */
    static String trustOfSize(int size) {
        String base = EC2_TRUST.replace("{\"Effect\"", "{\"Sid\":\"\",\"Effect\"");
        return base.replace("\"Sid\":\"\"", "\"Sid\":\"" + "a".repeat(size - base.length()) + "\"");
    }

    static User user(SigilTestServer server, String name) {
        return server.app().store().inTransaction(tx -> tx.users().create(User.create(server.app().accountId(), name,
                "/", Ids.userId(), Instant.now(), null, List.of())));
    }

    /** A new user with an access key whose secret is {@code secret}, and an IAM client signing with it. */
    static IamClient userClient(SigilTestServer server, String name, String secret) {
        User u = user(server, name);
        String keyId = Ids.accessKeyId();
        server.app().store().write(tx -> tx.accessKeys().create(new AccessKey(u.accountId(), keyId, u.id(), u.name(),
                AccessKeyStatus.ACTIVE, Instant.now(), null), secret));
        return server.iam(keyId, secret);
    }

    static String decode(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }
}
