package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.server.testing.ServerPerClass;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The user and group inline policy operations through the AWS SDK for Java v2 against an in-process server (IAM
 * API Reference: Put/Get/Delete/List User and Group policies), and their effect on what a user may do.
 */
class InlinePoliciesIntegrationTest {

    private static final String LIST_BUCKET = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n"
            + "    \"Effect\": \"Allow\",\n    \"Action\": \"s3:ListBucket\",\n"
            + "    \"Resource\": \"arn:aws:s3:::example_bucket\"\n  }\n}";

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static String decoded(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }

    /** A valid identity policy of exactly {@code size} characters, whitespace not counted. */
    private static String policyOfSize(int size) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b";
        String tail = "\"}}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void putUserPolicy_thenGet_answersTheDocumentUrlEncoded_asSubmitted() {
        Entities.user(SIGIL.server(), "reader");
        SIGIL.root().putUserPolicy(r -> r.userName("reader").policyName("ListBucket").policyDocument(LIST_BUCKET));

        GetUserPolicyResponse got = SIGIL.root().getUserPolicy(r -> r.userName("reader").policyName("ListBucket"));

        assertThat(got.userName()).isEqualTo("reader");
        assertThat(got.policyName()).isEqualTo("ListBucket");
        assertThat(got.policyDocument()).startsWith("%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22");
        assertThat(decoded(got.policyDocument())).isEqualTo(LIST_BUCKET);
    }

    @Test
    void putGroupPolicy_thenGet_answersTheDocumentUrlEncoded_asSubmitted() {
        Entities.group(SIGIL.server(), "Readers");
        SIGIL.root().putGroupPolicy(r -> r.groupName("Readers").policyName("ListBucket").policyDocument(LIST_BUCKET));

        GetGroupPolicyResponse got = SIGIL.root().getGroupPolicy(r -> r.groupName("readers").policyName("listbucket"));

        assertThat(got.groupName()).isEqualTo("Readers");
        assertThat(got.policyName()).isEqualTo("ListBucket");
        assertThat(decoded(got.policyDocument())).isEqualTo(LIST_BUCKET);
    }

    @Test
    void putUserPolicy_ofAMalformedDocument_isMalformedPolicyDocumentException_withIamsMessage() {
        Entities.user(SIGIL.server(), "malformed");

        MalformedPolicyDocumentException noResource = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> SIGIL.root().putUserPolicy(r -> r.userName("malformed").policyName("p").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}}")));
        MalformedPolicyDocumentException notJson = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> SIGIL.root().putUserPolicy(r -> r.userName("malformed").policyName("p").policyDocument("nope")));

        assertThat(noResource.statusCode()).isEqualTo(400);
        assertThat(noResource.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(noResource.awsErrorDetails().errorMessage()).isEqualTo("Policy statement must contain resources.");
        assertThat(notJson.awsErrorDetails().errorMessage()).isEqualTo("Syntax errors in policy.");
        assertThat(SIGIL.root().listUserPolicies(r -> r.userName("malformed")).policyNames()).isEmpty();
    }

    @Test
    void putGroupPolicy_ofAMalformedDocument_isMalformedPolicyDocumentException_withIamsMessage() {
        Entities.group(SIGIL.server(), "Malformed");

        MalformedPolicyDocumentException e = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> SIGIL.root().putGroupPolicy(r -> r.groupName("Malformed").policyName("p").policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                                + "\"Resource\":\"invalid resource\"}}")));

        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Resource invalid resource must be in ARN format or \"*\".");
    }

    @Test
    void userPolicies_2048CharactersInAllAreAccepted_2049IsLimitExceededException() {
        Entities.user(SIGIL.server(), "full");
        SIGIL.root().putUserPolicy(r -> r.userName("full").policyName("a").policyDocument(policyOfSize(1024)));
        SIGIL.root().putUserPolicy(r -> r.userName("full").policyName("b").policyDocument(policyOfSize(1024)));

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class, () -> SIGIL.root().putUserPolicy(
                r -> r.userName("full").policyName("b").policyDocument(policyOfSize(1025))));

        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Maximum policy size of 2048 bytes exceeded for user full");
        assertThat(decoded(SIGIL.root().getUserPolicy(r -> r.userName("full").policyName("b")).policyDocument()))
                .isEqualTo(policyOfSize(1024));
    }

    @Test
    void userPolicies_whitespaceDoesNotCountAgainstTheSize() {
        Entities.user(SIGIL.server(), "spacious");
        String padded = "\t".repeat(30) + policyOfSize(2048).replace(",", ",\n" + " ".repeat(40)) + "\r\n".repeat(20);
        assertThat(padded.length()).isGreaterThan(2100);

        SIGIL.root().putUserPolicy(r -> r.userName("spacious").policyName("p").policyDocument(padded));

        assertThat(decoded(SIGIL.root().getUserPolicy(r -> r.userName("spacious").policyName("p")).policyDocument()))
                .isEqualTo(padded);
    }

    @Test
    void groupPolicies_5120CharactersInAllAreAccepted_5121IsLimitExceededException() {
        Entities.group(SIGIL.server(), "Full");
        SIGIL.root().putGroupPolicy(r -> r.groupName("Full").policyName("a").policyDocument(policyOfSize(5120)));

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class, () -> SIGIL.root().putGroupPolicy(
                r -> r.groupName("Full").policyName("a").policyDocument(policyOfSize(5121))));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Maximum policy size of 5120 bytes exceeded for group Full");
    }

    @Test
    void unknownOwnersAndPolicies_areNoSuchEntityException_withIamsMessages() {
        Entities.user(SIGIL.server(), "no-policies");
        Entities.group(SIGIL.server(), "NoPolicies");

        assertThat(noSuchEntity(() -> SIGIL.root().putUserPolicy(r -> r.userName("ghost").policyName("p")
                .policyDocument(LIST_BUCKET)))).isEqualTo("The user with name ghost cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().putGroupPolicy(r -> r.groupName("ghost").policyName("p")
                .policyDocument(LIST_BUCKET)))).isEqualTo("The group with name ghost cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().getUserPolicy(r -> r.userName("no-policies").policyName("p"))))
                .isEqualTo("The user policy with name p cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().getGroupPolicy(r -> r.groupName("NoPolicies").policyName("p"))))
                .isEqualTo("The group policy with name p cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().deleteUserPolicy(r -> r.userName("no-policies").policyName("p"))))
                .isEqualTo("The user policy with name p cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().deleteGroupPolicy(r -> r.groupName("NoPolicies").policyName("p"))))
                .isEqualTo("The group policy with name p cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().listUserPolicies(r -> r.userName("ghost"))))
                .isEqualTo("The user with name ghost cannot be found.");
        assertThat(noSuchEntity(() -> SIGIL.root().listGroupPolicies(r -> r.groupName("ghost"))))
                .isEqualTo("The group with name ghost cannot be found.");
    }

    @Test
    void deleteUserAndGroupPolicy_removeThePolicy() {
        Entities.user(SIGIL.server(), "deleter");
        Entities.group(SIGIL.server(), "Deleters");
        SIGIL.root().putUserPolicy(r -> r.userName("deleter").policyName("p").policyDocument(LIST_BUCKET));
        SIGIL.root().putGroupPolicy(r -> r.groupName("Deleters").policyName("p").policyDocument(LIST_BUCKET));

        SIGIL.root().deleteUserPolicy(r -> r.userName("deleter").policyName("P"));
        SIGIL.root().deleteGroupPolicy(r -> r.groupName("Deleters").policyName("p"));

        assertThat(SIGIL.root().listUserPolicies(r -> r.userName("deleter")).policyNames()).isEmpty();
        assertThat(SIGIL.root().listGroupPolicies(r -> r.groupName("Deleters")).policyNames()).isEmpty();
    }

    @Test
    void listUserPolicies_ofAUserWithout_isEmptyAndNotTruncated() {
        Entities.user(SIGIL.server(), "empty");

        ListUserPoliciesResponse answer = SIGIL.root().listUserPolicies(r -> r.userName("empty"));

        assertThat(answer.policyNames()).isEmpty();
        assertThat(answer.isTruncated()).isFalse();
        assertThat(answer.marker()).isNull();
    }

    @Test
    void listGroupPolicies_pagesByMaxItems_andThePaginatorSeesEveryNameInOrder() {
        Entities.group(SIGIL.server(), "Many");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = String.format("policy-%02d", i);
            names.add(name);
            SIGIL.root().putGroupPolicy(r -> r.groupName("Many").policyName(name).policyDocument(
                    "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}"));
        }

        var first = SIGIL.root().listGroupPolicies(r -> r.groupName("Many").maxItems(10));

        assertThat(first.policyNames()).hasSize(10);
        assertThat(first.isTruncated()).isTrue();
        assertThat(SIGIL.root().listGroupPolicies(r -> r.groupName("Many").maxItems(10).marker(first.marker()))
                .policyNames()).first().isEqualTo("policy-10");
        assertThat(SIGIL.root().listGroupPoliciesPaginator(r -> r.groupName("Many").maxItems(10)).policyNames().stream()
                .toList()).containsExactlyElementsOf(names);
    }

    @Test
    void listUserPolicies_withAMarkerThatIsNotOurs_isInvalidInput() {
        Entities.user(SIGIL.server(), "bad-marker");

        IamException e = catchThrowableOfType(IamException.class,
                () -> SIGIL.root().listUserPolicies(r -> r.userName("bad-marker").marker("not-a-marker")));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
    }

    @Test
    void aUserPolicy_grantsWhatItAllows_andDeletingItTakesItAway() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "granted");
        try (IamClient self = SIGIL.server().iam(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(accessDenied(self)).isTrue();

            SIGIL.root().putUserPolicy(r -> r.userName("granted").policyName("list-keys").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                            + "\"Action\":\"iam:ListAccessKeys\",\"Resource\":\"*\"}}"));
            assertThat(self.listAccessKeys().accessKeyMetadata()).hasSize(1);

            SIGIL.root().deleteUserPolicy(r -> r.userName("granted").policyName("list-keys"));
            assertThat(accessDenied(self)).isTrue();
        }
    }

    @Test
    void aGroupPolicy_grantsItsMembers() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "member");
        var group = Entities.group(SIGIL.server(), "KeyListers");
        SIGIL.server().app().store().write(tx -> tx.groups().addUser(group.accountId(), "KeyListers", "member"));
        SIGIL.root().putGroupPolicy(r -> r.groupName("KeyListers").policyName("list-keys").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Action\":\"iam:ListAccessKeys\",\"Resource\":\"*\"}}"));

        try (IamClient self = SIGIL.server().iam(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(self.listAccessKeys().accessKeyMetadata()).hasSize(1);
        }
    }

    private static boolean accessDenied(IamClient client) {
        IamException e = catchThrowableOfType(IamException.class, client::listAccessKeys);
        return e != null && "AccessDenied".equals(e.awsErrorDetails().errorCode());
    }

    private static String noSuchEntity(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class, call);
        assertThat(e).as("NoSuchEntityException").isNotNull();
        assertThat(e.statusCode()).isEqualTo(404);
        return e.awsErrorDetails().errorMessage();
    }
}
