package io.sigil.iam.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statuses per the error traits of botocore's IAM model and IAM's "Common Errors". */
class IamExceptionTest {

    @Test
    void factories_carryAwsCodeStatusAndFault() {
        assertThat(IamException.noSuchEntity("x").httpStatus()).isEqualTo(404);
        assertThat(IamException.entityAlreadyExists("x").httpStatus()).isEqualTo(409);
        assertThat(IamException.limitExceeded("x").httpStatus()).isEqualTo(409);
        assertThat(IamException.deleteConflict("x").httpStatus()).isEqualTo(409);
        assertThat(IamException.malformedPolicyDocument("x").httpStatus()).isEqualTo(400);
        assertThat(IamException.invalidInput("x").httpStatus()).isEqualTo(400);
        assertThat(IamException.validationError("x").httpStatus()).isEqualTo(400);
        assertThat(IamException.accessDenied("x").httpStatus()).isEqualTo(403);
        assertThat(IamException.concurrentModification("x").httpStatus()).isEqualTo(409);
        IamException failure = IamException.serviceFailure(new RuntimeException("SELECT secret FROM t"));
        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure.senderFault()).isFalse();
        assertThat(failure.safeMessage()).doesNotContain("SELECT");
    }

    @Test
    void quotaMessage_followsAwsWording() {
        IamException e = IamException.quotaExceeded("UsersPerAccount", 5000);
        assertThat(e.code()).isEqualTo("LimitExceeded");
        assertThat(e.safeMessage()).isEqualTo("Cannot exceed quota for UsersPerAccount: 5000");
    }
}
