package io.sigil.server.api.iam;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Role;
import io.sigil.server.testing.SigilTestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * What the managed-policy SDK tests need besides the API under test: roles made through the store (CreateRole
 * belongs to another area), a user's own signing key, and the document decoding.
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

    /** An IAM client signing with a new key of the existing user {@code userName}, made with CreateAccessKey. */
    static IamClient clientOf(SigilTestServer server, String userName) {
        try (IamClient root = server.rootIam()) {
            AccessKey key = root.createAccessKey(b -> b.userName(userName)).accessKey();
            return server.iam(key.accessKeyId(), key.secretAccessKey());
        }
    }

    /** "The policy document returned in this structure is URL-encoded compliant with RFC 3986". */
    static String decode(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }
}
