package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.as;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static io.sigil.iam.service.ServiceFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Pbkdf2Passwords;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.ServiceCredentialSecret;
import io.sigil.iam.model.User;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service-specific credentials on SQLite with a fixed clock (IAM API Reference, CreateServiceSpecificCredential and
 * the others): generated names, secrets checked against their hash only, expiry of API keys.
 */
class ServiceSpecificCredentialServiceTest {

    @TempDir
    Path dir;
    private ServiceFixture f;
    private ServiceSpecificCredentialService service;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir);
        service = new ServiceSpecificCredentialService(f.store, f.clock, new Pbkdf2Passwords(1_000));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void verify_acceptsTheCurrentPasswordOfAnActiveCredentialOnly() {
        f.user("git");
        ServiceCredentialSecret c = service.create(root(), "git", "codecommit.amazonaws.com", null);
        String id = c.credential().id();

        assertThat(service.verify(ACCOUNT, id, "codecommit.amazonaws.com", c.secret())).isTrue();
        assertThat(service.verify(ACCOUNT, id, "cassandra.amazonaws.com", c.secret())).isFalse();
        assertThat(service.verify(ACCOUNT, id, "codecommit.amazonaws.com", c.secret() + "x")).isFalse();
        service.updateStatus(root(), "git", id, AccessKeyStatus.INACTIVE);
        assertThat(service.verify(ACCOUNT, id, "codecommit.amazonaws.com", c.secret())).isFalse();
    }

    @Test
    void resetting_invalidatesThePreviousPasswordImmediately() {
        f.user("git2");
        ServiceCredentialSecret c = service.create(root(), "git2", "codecommit.amazonaws.com", null);

        ServiceCredentialSecret reset = service.reset(root(), "git2", c.credential().id());

        assertThat(service.verify(ACCOUNT, c.credential().id(), "codecommit.amazonaws.com", c.secret())).isFalse();
        assertThat(service.verify(ACCOUNT, c.credential().id(), "codecommit.amazonaws.com", reset.secret())).isTrue();
    }

    @Test
    void apiKeyWithAnAge_isReportedExpiredOnceItsDaysHavePassed_andNoLongerVerifies() {
        f.user("bedrock");
        ServiceCredentialSecret key = service.create(root(), "bedrock", "bedrock.amazonaws.com", 1);
        ServiceSpecificCredentialService later = new ServiceSpecificCredentialService(f.store,
                Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC), new Pbkdf2Passwords(1_000));

        assertThat(key.credential().statusAt(NOW)).isEqualTo("Active");
        assertThat(key.credential().statusAt(later.now())).isEqualTo("Expired");
        assertThat(later.verify(ACCOUNT, key.credential().id(), "bedrock.amazonaws.com", key.secret())).isFalse();
    }

    @Test
    void renamingTheUser_keepsTheGeneratedServiceUserName() {
        User u = f.user("ren");
        service.create(root(), "ren", "codecommit.amazonaws.com", null);
        f.store.write(tx -> tx.users().update(tx.users().lock(ACCOUNT, "ren").renamed("renamed", "/")));

        var listed = service.list(root(), "renamed", null, false, PageRequest.first()).items();

        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.serviceUserName()).isEqualTo("ren-at-" + ACCOUNT);
            assertThat(c.userName()).isEqualTo("renamed");
            assertThat(c.userId()).isEqualTo(u.id());
        });
    }

    @Test
    void aNewSet_takesTheLowestFreeNumber() {
        User u = f.user("num");
        ServiceCredentialSecret first = service.create(root(), "num", "codecommit.amazonaws.com", null);
        service.create(root(), "num", "codecommit.amazonaws.com", null);
        service.delete(root(), "num", first.credential().id());

        ServiceCredentialSecret third = service.create(root(), "num", "codecommit.amazonaws.com", null);

        assertThat(third.credential().serviceUserName()).isEqualTo("num-at-" + ACCOUNT);
        assertThat(service.list(as(u), null, null, false, PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void theRootUser_holdsNoServiceCredentials_andAnUnknownIdIsAwsNotFoundText() {
        assertThat(service.list(root(), null, null, false, PageRequest.first()).items()).isEmpty();
        assertIamError(() -> service.delete(root(), null, "ACCAEXAMPLE123EXAMPLE"), "NoSuchEntity",
                "No such credential ACCAEXAMPLE123EXAMPLE exists");
    }
}
