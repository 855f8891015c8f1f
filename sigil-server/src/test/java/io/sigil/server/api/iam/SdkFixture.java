package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Helpers of the SDK integration tests: AWS errors as the SDK raises them, unique paths so that tests sharing one
 * server do not see each other's users, and IAM users that sign requests (their key and inline policy are written
 * through the store, because CreateAccessKey and PutUserPolicy belong to other API areas).
 */
final class SdkFixture {

    static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final AtomicInteger PATHS = new AtomicInteger();

    private SdkFixture() {
    }

    /** A path no other test uses, like {@code /t7/}. */
    static String uniquePath() {
        return "/t" + PATHS.incrementAndGet() + "/";
    }

    /**
     * Asserts that {@code call} fails with the SDK's typed exception {@code type}, this HTTP status, error code and
     * exactly this message (null: any message).
     */
    static <E extends AwsServiceException> E awsError(ThrowingCallable call, Class<E> type, int status, String code,
            String message) {
        E e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        return e;
    }

    /** An IAM client signing as the existing IAM user {@code userName}, allowed what {@code policy} allows. */
    static IamClient signingAs(SigilTestServer server, String userName, String policy) {
        var store = server.app().store();
        User user = store.read(tx -> tx.users().get(ACCOUNT, userName));
        String secret = Ids.secretAccessKey();
        AccessKey key = new AccessKey(ACCOUNT, Ids.accessKeyId(), user.id(), user.name(), AccessKeyStatus.ACTIVE,
                Instant.now(), null);
        store.write(tx -> tx.accessKeys().create(key, secret));
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.USER, user.name(),
                "test-permissions", policy)));
        return server.iam(key.id(), secret);
    }

    /** A policy allowing these actions on every resource. */
    static String allow(String... actions) {
        StringBuilder list = new StringBuilder();
        for (String a : actions) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(a).append('"');
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + list
                + "],\"Resource\":\"*\"}]}";
    }
}
