package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which actions last accessed data reports one by one: management actions of S3, EC2, IAM and Lambda. */
class TrackedActionsTest {

    @Test
    void iamEc2LambdaAndS3_haveActionLevelData_otherServicesDoNot() {
        assertThat(TrackedActions.service("iam")).isTrue();
        assertThat(TrackedActions.service("EC2")).isTrue();
        assertThat(TrackedActions.service("lambda")).isTrue();
        assertThat(TrackedActions.service("s3")).isTrue();
        assertThat(TrackedActions.service("sts")).isFalse();
        assertThat(TrackedActions.service("kms")).isFalse();
    }

    @Test
    void s3ManagementActionsAreTracked_objectLevelDataEventsAreNot() {
        assertThat(TrackedActions.action("s3", "CreateBucket")).isTrue();
        assertThat(TrackedActions.action("s3", "PutBucketPolicy")).isTrue();
        assertThat(TrackedActions.action("s3", "GetObject")).isFalse();
        assertThat(TrackedActions.action("s3", "PutObjectAcl")).isFalse();
        assertThat(TrackedActions.action("s3", "ListBucket")).isFalse();
    }

    @Test
    void lambdaInvocationsAreNotTracked_itsManagementActionsAre() {
        assertThat(TrackedActions.action("lambda", "CreateFunction")).isTrue();
        assertThat(TrackedActions.action("lambda", "InvokeFunction")).isFalse();
    }

    @Test
    void everyIamAndEc2ActionIsTracked_andNoStsAction() {
        assertThat(TrackedActions.action("iam", "GetUser")).isTrue();
        assertThat(TrackedActions.action("ec2", "DescribeInstances")).isTrue();
        assertThat(TrackedActions.action("sts", "AssumeRole")).isFalse();
    }
}
