package io.sigil.server.api.sts;

import io.sigil.server.api.iam.Entities;
import io.sigil.server.testing.SigilTestServer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * One in-process server for the STS SDK tests, started on first use and stopped when the test JVM exits; tests keep
 * apart by user names. Tests that move the server's clock put it back in a finally block.
 */
final class StsServer {
    private static SigilTestServer server;

    private StsServer() {
    }

    static synchronized SigilTestServer get() {
        if (server == null) {
            server = SigilTestServer.startUntilExit("sigil-sts-tests-stop");
        }
        return server;
    }

    /** A new user with a key and one inline policy (none when {@code policy} is null). */
    static AccessKey user(String name, String policy) {
        AccessKey key = Entities.userWithKey(get(), name);
        if (policy != null) {
            try (IamClient root = get().rootIam()) {
                root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
            }
        }
        return key;
    }

    /** {"Version":"2012-10-17","Statement":[{"Effect":"E","Action":A,"Resource":"R"}]} */
    static String policy(String effect, String actionJson, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":" + actionJson
                + ",\"Resource\":\"" + resource + "\"}]}";
    }
}
