package io.sigil.server.api.iam;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What the managed-policy SDK tests need besides the API under test: roles made through the store (CreateRole
 * belongs to another area), a user's own signing key (CreateAccessKey too), and the document decoding.
 */
final class PolicyTestSupport {

    static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private PolicyTestSupport() {
    }

    static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    static String policyArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
    }

    static void role(SigilTestServer server, String name) {
        server.app().store().write(tx -> tx.roles().create(Role.create(ACCOUNT, name, "/", Ids.roleId(),
                Instant.now(), "{\"Version\":\"2012-10-17\",\"Statement\":[]}", null, List.of())));
    }

    /** An IAM client signing with a new key of the existing user {@code userName}. */
    static IamClient clientOf(SigilTestServer server, String userName) {
        User user = server.app().store().read(tx -> tx.users().get(ACCOUNT, userName));
        String secret = Ids.secretAccessKey();
        AccessKey key = new AccessKey(ACCOUNT, Ids.accessKeyId(), user.id(), user.name(), AccessKeyStatus.ACTIVE,
                Instant.now(), null);
        server.app().store().write(tx -> tx.accessKeys().create(key, secret));
        return server.iam(key.id(), secret);
    }

    /** "The policy document returned in this structure is URL-encoded compliant with RFC 3986". */
    static String decode(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }
}
