package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static io.sigil.iam.model.PolicyOwnerKind.GROUP;
import static io.sigil.iam.model.PolicyOwnerKind.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.policy.PolicyValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InlinePolicyService against a real SQLite store (IAM API Reference: Put/Get/Delete/List User and Group policies). */
class InlinePolicyServiceTest {

    private static final String ALLOW_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::example_bucket\"}}";

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private InlinePolicyService policies;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        policies = new InlinePolicyService(fx.store, Limits.AWS_DEFAULTS);
        fx.user("Alice");
        fx.group("Admins");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void put_thenGet_returnsTheDocumentByteForByteAsSubmitted() {
        String doc = "{\n  \"Version\": \"2012-10-17\",\n\t\"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                + "\"s3:ListBucket\", \"Resource\": \"arn:aws:s3:::example_bucket\"}\r\n}";
        policies.put(ACCOUNT, USER, "Alice", "ListBucket", doc);

        InlinePolicy got = policies.get(ACCOUNT, USER, "Alice", "ListBucket");

        assertThat(got.document()).isEqualTo(doc);
        assertThat(got.name()).isEqualTo("ListBucket");
        assertThat(got.ownerName()).isEqualTo("Alice");
    }

    @Test
    void get_namesAreCaseInsensitive_andAnswerTheStoredSpelling() {
        policies.put(ACCOUNT, USER, "Alice", "ListBucket", ALLOW_S3);

        InlinePolicy got = policies.get(ACCOUNT, USER, "ALICE", "listbucket");

        assertThat(got.ownerName()).isEqualTo("Alice");
        assertThat(got.name()).isEqualTo("ListBucket");
    }

    @Test
    void put_underAnExistingNameInAnotherCase_replacesThatPolicyAndItsSpelling() {
        policies.put(ACCOUNT, USER, "Alice", "ListBucket", ALLOW_S3);
        String other = ALLOW_S3.replace("example_bucket", "other_bucket");

        policies.put(ACCOUNT, USER, "Alice", "LISTBUCKET", other);

        assertThat(policies.list(ACCOUNT, USER, "Alice", PageRequest.first()).items()).containsExactly("LISTBUCKET");
        assertThat(policies.get(ACCOUNT, USER, "Alice", "ListBucket").document()).isEqualTo(other);
    }

    @Test
    void put_withoutVersion_isAcceptedForAnInlinePolicy() {
        String noVersion = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::example_bucket\"}}";

        policies.put(ACCOUNT, USER, "Alice", "Legacy", noVersion);

        assertThat(policies.get(ACCOUNT, USER, "Alice", "Legacy").document()).isEqualTo(noVersion);
    }

    @Test
    void put_ofAMalformedDocument_isMalformedPolicyDocumentWithTheValidatorsFirstMessage() {
        String noResource = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:ListBucket\"}}";

        assertIamError(() -> policies.put(ACCOUNT, USER, "Alice", "Bad", noResource), "MalformedPolicyDocument",
                "Policy statement must contain resources.");
        assertIamError(() -> policies.put(ACCOUNT, GROUP, "Admins", "Bad", "not json"), "MalformedPolicyDocument",
                "Syntax errors in policy.");
        assertThat(policies.list(ACCOUNT, USER, "Alice", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void put_ofAPolicyWithAPrincipal_isRejectedAsAnIdentityPolicy() {
        String withPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}";

        assertIamError(() -> policies.put(ACCOUNT, USER, "Alice", "P", withPrincipal), "MalformedPolicyDocument",
                "Policy document should not specify a principal.");
    }

    @Test
    void userAggregateSize_2047And2048AreAccepted_2049IsLimitExceeded() {
        policies.put(ACCOUNT, USER, "Alice", "p", Documents.ofSize(2047));
        policies.put(ACCOUNT, USER, "Alice", "p", Documents.ofSize(2048));

        assertIamError(() -> policies.put(ACCOUNT, USER, "Alice", "p", Documents.ofSize(2049)), "LimitExceeded",
                "Maximum policy size of 2048 bytes exceeded for user Alice");
        assertThat(PolicyValidator.nonWhitespaceSize(policies.get(ACCOUNT, USER, "Alice", "p").document()))
                .as("the refused put wrote nothing").isEqualTo(2048);
    }

    @Test
    void userAggregateSize_isTheSumOfAllTheUsersInlinePolicies() {
        policies.put(ACCOUNT, USER, "Alice", "first", Documents.ofSize(1000));
        policies.put(ACCOUNT, USER, "Alice", "second", Documents.ofSize(1048));

        assertIamError(() -> policies.put(ACCOUNT, USER, "Alice", "third", Documents.ofSize(200)), "LimitExceeded",
                "Maximum policy size of 2048 bytes exceeded for user Alice");
        assertThat(policies.list(ACCOUNT, USER, "Alice", PageRequest.first()).items())
                .containsExactly("first", "second");
    }

    @Test
    void userAggregateSize_countsAReplacedPolicyOnlyOnce() {
        policies.put(ACCOUNT, USER, "Alice", "first", Documents.ofSize(1000));
        policies.put(ACCOUNT, USER, "Alice", "second", Documents.ofSize(1000));

        policies.put(ACCOUNT, USER, "Alice", "second", Documents.ofSize(1048));

        assertThat(InlinePolicyService.aggregateSize(fx.store.read(tx -> tx.inlinePolicies().all(ACCOUNT, USER,
                "Alice")))).isEqualTo(2048);
    }

    @Test
    void userAggregateSize_doesNotCountWhitespace() {
        String spaced = Documents.spaced(Documents.ofSize(2048));
        assertThat(spaced.length()).as("over the quota if whitespace counted").isGreaterThan(2049);

        policies.put(ACCOUNT, USER, "Alice", "p", spaced);

        assertThat(policies.get(ACCOUNT, USER, "Alice", "p").document()).isEqualTo(spaced);
    }

    @Test
    void userAggregateSize_namesTheUserAsStored() {
        assertIamError(() -> policies.put(ACCOUNT, USER, "alice", "p", Documents.ofSize(2049)), "LimitExceeded",
                "Maximum policy size of 2048 bytes exceeded for user Alice");
    }

    @Test
    void userAggregateSize_isPerUser() {
        fx.user("Bob");
        policies.put(ACCOUNT, USER, "Alice", "p", Documents.ofSize(2048));

        policies.put(ACCOUNT, USER, "Bob", "p", Documents.ofSize(2048));

        assertThat(policies.get(ACCOUNT, USER, "Bob", "p").ownerName()).isEqualTo("Bob");
    }

    @Test
    void userAggregateSize_holdsWhenPutsRace_onlyOneOfTwoThatTogetherExceedItSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            for (String name : List.of("left", "right")) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        policies.put(ACCOUNT, USER, "Alice", name, Documents.ofSize(1500));
                        return "ok";
                    } catch (IamException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> f : outcomes) {
                codes.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(codes).containsExactlyInAnyOrder("ok", "LimitExceeded");
            assertThat(policies.list(ACCOUNT, USER, "Alice", PageRequest.first()).items()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void groupAggregateSize_5119And5120AreAccepted_5121IsLimitExceeded() {
        policies.put(ACCOUNT, GROUP, "Admins", "a", Documents.ofSize(2560));
        policies.put(ACCOUNT, GROUP, "Admins", "b", Documents.ofSize(2559));
        policies.put(ACCOUNT, GROUP, "Admins", "b", Documents.ofSize(2560));

        assertIamError(() -> policies.put(ACCOUNT, GROUP, "Admins", "b", Documents.ofSize(2561)), "LimitExceeded",
                "Maximum policy size of 5120 bytes exceeded for group Admins");
    }

    @Test
    void aggregateSize_followsTheConfiguredLimits() {
        InlinePolicyService small = new InlinePolicyService(fx.store, Limits.AWS_DEFAULTS.withPolicySizes(200, 300,
                400));

        small.put(ACCOUNT, USER, "Alice", "p", Documents.ofSize(200));
        assertIamError(() -> small.put(ACCOUNT, USER, "Alice", "p", Documents.ofSize(201)), "LimitExceeded",
                "Maximum policy size of 200 bytes exceeded for user Alice");
        assertThat(small.aggregateQuota(GROUP)).isEqualTo(300);
    }

    @Test
    void put_forAnUnknownOwner_isNoSuchEntity() {
        assertIamError(() -> policies.put(ACCOUNT, USER, "nobody", "p", ALLOW_S3), "NoSuchEntity",
                "The user with name nobody cannot be found.");
        assertIamError(() -> policies.put(ACCOUNT, GROUP, "nobody", "p", ALLOW_S3), "NoSuchEntity",
                "The group with name nobody cannot be found.");
    }

    @Test
    void get_ofAnUnknownPolicyOrOwner_isNoSuchEntity() {
        assertIamError(() -> policies.get(ACCOUNT, USER, "Alice", "missing"), "NoSuchEntity",
                "The user policy with name missing cannot be found.");
        assertIamError(() -> policies.get(ACCOUNT, GROUP, "Admins", "missing"), "NoSuchEntity",
                "The group policy with name missing cannot be found.");
        assertIamError(() -> policies.get(ACCOUNT, GROUP, "nobody", "missing"), "NoSuchEntity",
                "The group with name nobody cannot be found.");
    }

    @Test
    void delete_removesThePolicy_andAgainIsNoSuchEntity() {
        policies.put(ACCOUNT, GROUP, "Admins", "p", ALLOW_S3);

        policies.delete(ACCOUNT, GROUP, "admins", "P");

        assertThat(policies.list(ACCOUNT, GROUP, "Admins", PageRequest.first()).items()).isEmpty();
        assertIamError(() -> policies.delete(ACCOUNT, GROUP, "Admins", "p"), "NoSuchEntity",
                "The group policy with name p cannot be found.");
        assertIamError(() -> policies.delete(ACCOUNT, USER, "nobody", "p"), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void list_ordersNamesCaseInsensitivelyAndPages() {
        for (String name : new String[] {"b", "C", "a"}) {
            policies.put(ACCOUNT, USER, "Alice", name, ALLOW_S3);
        }

        Page<String> first = policies.list(ACCOUNT, USER, "Alice", PageRequest.of(2));
        Page<String> rest = policies.list(ACCOUNT, USER, "Alice", PageRequest.of(2).after(first.nextMarker()));

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(first.isTruncated()).isTrue();
        assertThat(rest.items()).containsExactly("C");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    void list_ofAnUnknownOwner_isNoSuchEntity() {
        assertIamError(() -> policies.list(ACCOUNT, GROUP, "nobody", PageRequest.first()), "NoSuchEntity",
                "The group with name nobody cannot be found.");
    }

    @Test
    void userAndGroupPolicies_areSeparateNamespaces() {
        policies.put(ACCOUNT, USER, "Alice", "same", ALLOW_S3);

        assertIamError(() -> policies.get(ACCOUNT, GROUP, "Admins", "same"), "NoSuchEntity",
                "The group policy with name same cannot be found.");
    }
}
