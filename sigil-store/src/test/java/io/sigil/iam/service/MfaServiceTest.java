package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Base32;
import io.sigil.iam.crypto.Totp;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MFA code checks over time against a real store (RFC 6238; spec §10 H81). */
class MfaServiceTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private final MutableClock clock = new MutableClock(NOW);
    private MfaService mfa;
    private User bob;
    private String serial;
    private byte[] seed;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        mfa = new MfaService(fx.store, clock);
        bob = fx.user("bob");
        MfaService.CreatedDevice d = mfa.create(ACCOUNT, "bob-phone", null, List.of());
        serial = d.device().serialNumber();
        seed = Base32.decode(d.base32StringSeed());
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private long step() {
        return Totp.step(clock.instant());
    }

    private String code(long step) {
        return Totp.code(seed, step);
    }

    /**
     * Spec §10 H81, third clause: codes generated for t-60 s and t-30 s but submitted at t+30 s associate the
     * device, which is then out of sync: current codes fail until ResyncMFADevice.
     */
    @Test
    void h81_lateCodes_enableTheDeviceOutOfSync_untilAResync() {
        long t = step();
        clock.advance(Duration.ofSeconds(30));
        mfa.enable(ACCOUNT, "bob", serial, code(t - 2), code(t - 1));

        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step()))).as("out of sync").isFalse();

        mfa.resync(ACCOUNT, "bob", serial, code(step() - 1), code(step()));
        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step()))).isTrue();
    }

    @Test
    void verify_acceptsACodeOnce_andNoOlderCodeAfterIt() {
        long t = step();
        mfa.enable(ACCOUNT, "bob", serial, code(t - 1), code(t));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(t))).as("the enable's own code").isFalse();

        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(t + 1))).isTrue();
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(t + 1))).as("replayed").isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(t + 2))).isTrue();
    }

    @Test
    void verify_toleratesOneStepOfClockDifference_notTwo() {
        long t = step();
        mfa.enable(ACCOUNT, "bob", serial, code(t - 1), code(t));
        clock.advance(Duration.ofSeconds(90));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step() - 2))).isFalse();
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step() + 2))).isFalse();
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step() + 1))).isTrue();
    }

    @Test
    void verify_acceptsACodeOneStepBehind_andFollowsThatDrift() {
        long t = step();
        mfa.enable(ACCOUNT, "bob", serial, code(t - 1), code(t));
        clock.advance(Duration.ofSeconds(90));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step() - 1))).isTrue();
        assertThat(fx.store.read(tx -> tx.mfaDevices().get(ACCOUNT, serial)).driftSteps()).isEqualTo(-1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step()))).as("the device's clock was right after all")
                .isTrue();
        assertThat(fx.store.read(tx -> tx.mfaDevices().get(ACCOUNT, serial)).driftSteps()).isZero();
    }

    @Test
    void verify_refusesAnotherUsersDeviceAndAnUnassignedOne() {
        User eve = fx.user("eve");
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, code(step()))).as("unassigned").isFalse();
        mfa.enable(ACCOUNT, "bob", serial, code(step() - 1), code(step()));
        clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.verify(ACCOUNT, eve.id(), serial, code(step()))).isFalse();
        assertThat(mfa.verify(ACCOUNT, bob.id(), serial, "12345")).isFalse();
    }

    @Test
    void enable_reusingCodesAlreadyAccepted_isInvalidAuthenticationCode() {
        long t = step();
        mfa.enable(ACCOUNT, "bob", serial, code(t - 1), code(t));
        mfa.deactivate(ServiceFixture.root(), "bob", serial);

        assertIamError(() -> mfa.enable(ACCOUNT, "bob", serial, code(t - 1), code(t)), "InvalidAuthenticationCode",
                "Authentication code for device is not valid.");
    }

    @Test
    void listForUser_withoutAName_byRoot_isEmpty_andDeactivateWithoutAName_byRoot_mustNameAUser() {
        assertThat(mfa.listForUser(ServiceFixture.root(), null, io.sigil.iam.store.PageRequest.first()).items())
                .isEmpty();
        assertIamError(() -> mfa.deactivate(ServiceFixture.root(), null, serial), "ValidationError",
                "Must specify userName when calling with non-User credentials");
    }
}
