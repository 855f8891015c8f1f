package io.sigil.server.sigv4;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signing regions the verifier accepts per service: STS in every region of the aws partition and aws-global
 * (AWS STS API Reference, "Endpoints"), IAM in us-east-1 and aws-global only (IAM User Guide, "IAM endpoints").
 */
class SigV4RegionsTest {
    static final String STS_CALL = "Action=GetCallerIdentity&Version=2011-06-15";
    final SdkSigning sdk = new SdkSigning();
    final SigV4Verifier<TestCredential> verifier = new SigV4Verifier<>(SigV4Config.defaults(),
            TestCredential.lookup(TestCredential.longTerm(SdkSigning.AKID, SdkSigning.SECRET)));

    @Test
    void partitionRegions_areTheAwsPartitionsAndAwsGlobal_notOtherPartitions() {
        List<String> regions = AwsRegions.partitionRegions();

        assertThat(regions).contains("us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "af-south-1",
                "aws-global");
        assertThat(regions).doesNotContain("cn-north-1", "us-gov-west-1", "us-iso-east-1", "aws-cn-global");
        assertThat(regions).isSorted();
    }

    @Test
    void defaults_giveStsThePartition_andEveryOtherServiceUsEast1AndAwsGlobal() {
        SigV4Config c = SigV4Config.defaults();

        assertThat(c.regionsFor("sts")).isEqualTo(AwsRegions.partitionRegions());
        assertThat(c.regionsFor("iam")).containsExactly("us-east-1", "aws-global");
    }

    @ParameterizedTest(name = "an STS call signed for {0} verifies")
    @ValueSource(strings = {"us-east-1", "aws-global", "eu-west-3", "ap-northeast-3", "me-central-1"})
    void stsSignedForARegionOfThePartition_verifies(String region) {
        SignedRequest request = sdk.postForm("sts." + region + ".amazonaws.com", STS_CALL,
                SdkSigning.Options.iam(SdkSignedRequestsTest.T).region(region).service("sts"));

        assertThat(Verifications.verified(verifier.verify(request, SdkSignedRequestsTest.T)).region())
                .isEqualTo(region);
    }

    @Test
    void iamSignedForARegionalScope_isRefusedNamingTheRegion() {
        SignedRequest request = sdk.postForm("iam.amazonaws.com", SdkSignedRequestsTest.CREATE_USER,
                SdkSigning.Options.iam(SdkSignedRequestsTest.T).region("eu-west-3"));

        Verifications.assertRejected(verifier.verify(request, SdkSignedRequestsTest.T),
                SigV4ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Credential should be scoped to a valid region, not 'eu-west-3'. ");
    }

    @Test
    void withServiceRegions_narrowsOneService_andWithRegionsReplacesEveryDefault() {
        SigV4Config euSts = SigV4Config.defaults().withServiceRegions("sts", List.of("eu-west-1"));
        assertThat(euSts.regionsFor("sts")).containsExactly("eu-west-1");
        assertThat(euSts.regionsFor("iam")).containsExactly("us-east-1", "aws-global");

        SigV4Config only = SigV4Config.defaults().withRegions(List.of("eu-west-1"));
        assertThat(only.regionsFor("sts")).containsExactly("eu-west-1");
        assertThat(only.regionsFor("iam")).containsExactly("eu-west-1");
    }
}
