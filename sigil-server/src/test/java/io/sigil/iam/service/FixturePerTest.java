package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;

import io.sigil.iam.Limits;
import io.sigil.iam.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link ServiceFixture} with AWS's default quotas for each test, in a temporary directory of its own that
 * is deleted after the test: the set-up the service tests share. Register it on an instance field:
 *
 * <pre>{@code @RegisterExtension final FixturePerTest fixture = new FixturePerTest();}</pre>
 */
final class FixturePerTest implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private ServiceFixture fx;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("sigil-service-test");
        fx = new ServiceFixture(dir, Limits.AWS_DEFAULTS);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        fx.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(FixturePerTest::delete);
        }
    }

    /** This test's fixture. */
    ServiceFixture fx() {
        return fx;
    }

    UserService users() {
        return fx.users();
    }

    GroupService groups() {
        return fx.groups();
    }

    /** CreateUser in {@link ServiceFixture#ACCOUNT} with no path, permissions boundary or tags. */
    User createUser(String name) {
        return fx.users().createUser(ACCOUNT, name, null, null, List.of());
    }

    /** Replaces this test's fixture with one on a new, empty store under these quotas, for a test of a quota. */
    ServiceFixture reopen(Limits limits) {
        fx.close();
        fx = new ServiceFixture(dir.resolve("reopened"), limits);
        return fx;
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
