package io.sigil.server.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One enforcing {@link SigilTestServer} for a test class, with an IAM client signing as the account root: started
 * before the class's first test, closed after its last. For test classes that need a server of their own (tests
 * that share one keep apart by names instead). Register it on a static field:
 *
 * <pre>{@code @RegisterExtension static final ServerPerClass SIGIL = new ServerPerClass();}</pre>
 */
public final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {
    private SigilTestServer server;
    private IamClient root;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = SigilTestServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (root != null) {
            root.close();
            root = null;
        }
        server.close();
    }

    public SigilTestServer server() {
        return server;
    }

    /** An IAM client signing with the account root's key, made on first use and open for the whole class. */
    public IamClient root() {
        if (root == null) {
            root = server.rootIam();
        }
        return root;
    }

    /** A new access key for the existing user {@code name}, and an IAM client signing with it. */
    public IamClient clientOf(String name) {
        var key = root().createAccessKey(r -> r.userName(name)).accessKey();
        return server.iam(key.accessKeyId(), key.secretAccessKey());
    }

    /** A new user with this inline policy (named "p") and an IAM client signing with its new key. */
    public IamClient userWith(String name, String policy) {
        root().createUser(r -> r.userName(name));
        root().putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
        return clientOf(name);
    }
}
