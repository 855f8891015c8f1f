package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/** The SDK's own IamClient and StsClient against the codec over HTTP: every field must survive the trip. */
class SdkClientRoundTripTest {
    private static final Instant CREATED = Instant.parse("2024-01-01T12:00:00Z");

    private static User user(String name, List<Tag> tags) {
        return User.builder().path("/eng&<ops>/").userName(name).userId("AIDA" + name.toUpperCase())
                .arn("arn:aws:iam::123456789012:user/eng/" + name).createDate(CREATED)
                .passwordLastUsed(CREATED.plusSeconds(60))
                .permissionsBoundary(AttachedPermissionsBoundary.builder().permissionsBoundaryType("Policy")
                        .permissionsBoundaryArn("arn:aws:iam::aws:policy/PowerUserAccess").build())
                .tags(tags).build();
    }

    @Test
    void createUser_withTags_arrivesDecodedAndTheSdkReadsTheWholeUser() throws Exception {
        List<Tag> tags = List.of(Tag.builder().key("team").value("iam:sts/a@b=c+d").build(),
                Tag.builder().key("cost").value("42").build());
        User alice = user("alice", tags);
        try (QueryTestServer server = new QueryTestServer(in -> CreateUserResponse.builder().user(alice).build());
             IamClient iam = server.iam()) {
            CreateUserResponse response = iam.createUser(r -> r.userName("alice").path("/eng&<ops>/").tags(tags));

            assertThat(server.received().get(0).request()).isEqualTo(
                    CreateUserRequest.builder().userName("alice").path("/eng&<ops>/").tags(tags).build());
            assertThat(response.user()).isEqualTo(alice);
            assertThat(response.responseMetadata().requestId()).isEqualTo("req-1");
        }
    }

    @Test
    void listUsers_pagesWithIsTruncatedAndMarker_untilTheSdkPaginatorHasEveryUser() throws Exception {
        List<User> all = List.of(user("a", List.of()), user("b", List.of()), user("c", List.of()));
        try (QueryTestServer server = new QueryTestServer(in -> {
            ListUsersRequest request = in.request(ListUsersRequest.class);
            int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
            int to = Math.min(all.size(), from + request.maxItems());
            boolean truncated = to < all.size();
            return ListUsersResponse.builder().users(all.subList(from, to)).isTruncated(truncated)
                    .marker(truncated ? String.valueOf(to) : null).build();
        }); IamClient iam = server.iam()) {
            List<User> users = iam.listUsersPaginator(r -> r.maxItems(2)).users().stream().toList();

            assertThat(users).isEqualTo(all);
            assertThat(server.received()).extracting(r -> r.request(ListUsersRequest.class).marker())
                    .containsExactly(null, "2");
            assertThat(server.bodies().get(0)).contains("<IsTruncated>true</IsTruncated><Marker>2</Marker>");
        }
    }

    @Test
    void listUsers_withNoUsers_writesAnEmptyListThatTheSdkReadsAsEmpty() throws Exception {
        try (QueryTestServer server = new QueryTestServer(
                in -> ListUsersResponse.builder().users(List.of()).isTruncated(false).build());
             IamClient iam = server.iam()) {
            ListUsersResponse response = iam.listUsers();

            assertThat(response.users()).isEmpty();
            assertThat(response.isTruncated()).isFalse();
            assertThat(server.bodies().get(0)).contains("<Users/>");
        }
    }

    @Test
    void getUser_withTags_isReadFieldForField() throws Exception {
        User bob = user("bob", List.of(Tag.builder().key("k").value("").build()));
        try (QueryTestServer server = new QueryTestServer(in -> GetUserResponse.builder().user(bob).build());
             IamClient iam = server.iam()) {
            assertThat(iam.getUser(r -> r.userName("bob")).user()).isEqualTo(bob);
            assertThat(server.received().get(0).request()).isEqualTo(GetUserRequest.builder().userName("bob").build());
        }
    }

    @Test
    void serviceError_becomesTheSdksTypedException_withCodeMessageStatusAndRequestId() throws Exception {
        QueryProtocol protocol = QueryProtocol.standard();
        try (QueryTestServer server = new QueryTestServer(in -> {
            throw new ProtocolException(protocol.modeledError(AwsService.IAM, "NoSuchEntity").orElseThrow()
                    .withMessage("The user with name carol cannot be found."));
        }); IamClient iam = server.iam()) {
            assertThatThrownBy(() -> iam.getUser(r -> r.userName("carol")))
                    .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("The user with name carol cannot be found.");
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.requestId()).isEqualTo("req-1");
                    });
        }
    }

    @Test
    void validationError_reachesTheSdkWithAwsWording() throws Exception {
        try (QueryTestServer server = new QueryTestServer(in -> CreateUserResponse.builder().build());
             IamClient iam = server.iam()) {
            String name = "x".repeat(65);
            assertThatThrownBy(() -> iam.createUser(r -> r.userName(name)))
                    .isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: "
                                + "Value at 'userName' failed to satisfy constraint: "
                                + "Member must have length less than or equal to 64");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void deleteUser_answersWithResponseMetadataOnly() throws Exception {
        try (QueryTestServer server = new QueryTestServer(in -> DeleteUserResponse.builder().build());
             IamClient iam = server.iam()) {
            DeleteUserResponse response = iam.deleteUser(r -> r.userName("dave"));

            assertThat(response.responseMetadata().requestId()).isEqualTo("req-1");
            assertThat(server.bodies().get(0)).isEqualTo(
                    "<DeleteUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata>"
                            + "<RequestId>req-1</RequestId></ResponseMetadata></DeleteUserResponse>");
        }
    }

    @Test
    void getAccountSummary_mapIsReadAsEntriesOfKeyAndValue() throws Exception {
        Map<String, Integer> summary = Map.of("Users", 3, "UsersQuota", 5000, "AccountMFAEnabled", 0);
        try (QueryTestServer server = new QueryTestServer(
                in -> GetAccountSummaryResponse.builder().summaryMapWithStrings(summary).build());
             IamClient iam = server.iam()) {
            GetAccountSummaryResponse response = iam.getAccountSummary();

            assertThat(response.summaryMap()).containsEntry(SummaryKeyType.USERS, 3)
                    .containsEntry(SummaryKeyType.USERS_QUOTA, 5000).hasSize(3);
            assertThat(server.bodies().get(0)).contains("<entry><key>Users</key><value>3</value></entry>");
        }
    }

    @Test
    void createVirtualMfaDevice_blobsTravelAsBase64() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF};
        VirtualMFADevice device = VirtualMFADevice.builder().serialNumber("arn:aws:iam::123456789012:mfa/d")
                .base32StringSeed(SdkBytes.fromUtf8String("JBSWY3DPEHPK3PXP")).qrCodePNG(SdkBytes.fromByteArray(png))
                .build();
        try (QueryTestServer server = new QueryTestServer(
                in -> CreateVirtualMfaDeviceResponse.builder().virtualMFADevice(device).build());
             IamClient iam = server.iam()) {
            assertThat(iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("d")).virtualMFADevice())
                    .isEqualTo(device);
        }
    }

    @Test
    @SuppressWarnings("deprecation") // PackedPolicySize: deprecated in the SDK, still in AWS's responses
    void stsAssumeRole_credentialsAndExpirationWithMillisecondsAreRead() throws Exception {
        Credentials credentials = Credentials.builder().accessKeyId("ASIAEXAMPLE").secretAccessKey("s/+=")
                .sessionToken("token").expiration(Instant.parse("2011-07-15T23:28:33.359Z")).build();
        AssumeRoleResponse answer = AssumeRoleResponse.builder().credentials(credentials).packedPolicySize(6)
                .assumedRoleUser(AssumedRoleUser.builder().assumedRoleId("AROA:s")
                        .arn("arn:aws:sts::123456789012:assumed-role/r/s").build())
                .sourceIdentity("me").build();
        try (QueryTestServer server = new QueryTestServer(in -> answer); StsClient sts = server.sts()) {
            AssumeRoleResponse response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/r")
                    .roleSessionName("s1").durationSeconds(900).policyArns(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/X").build()));

            assertThat(response.equalsBySdkFields(answer)).isTrue();
            assertThat(server.received().get(0).request(AssumeRoleRequest.class).policyArns().get(0).arn())
                    .isEqualTo("arn:aws:iam::aws:policy/X");
            assertThat(server.bodies().get(0)).startsWith(
                    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>")
                    .contains("<Expiration>2011-07-15T23:28:33.359Z</Expiration>");
        }
    }

    @Test
    void stsGetCallerIdentity_andStsErrorsUseTheStsNamespace() throws Exception {
        QueryProtocol protocol = QueryProtocol.standard();
        try (QueryTestServer server = new QueryTestServer(in -> {
            if (in.operation().name().equals("GetSessionToken")) {
                throw new ProtocolException(protocol.modeledError(AwsService.STS, "ExpiredTokenException")
                        .orElseThrow().withMessage("The security token included in the request is expired"));
            }
            return GetCallerIdentityResponse.builder().userId("AIDA").account("123456789012")
                    .arn("arn:aws:iam::123456789012:user/alice").build();
        }); StsClient sts = server.sts()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("123456789012");
            assertThatThrownBy(sts::getSessionToken).isInstanceOf(ExpiredTokenException.class)
                    .hasMessageContaining("The security token included in the request is expired");
            assertThat(server.bodies().get(1)).startsWith(
                    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                            + "<Code>ExpiredTokenException</Code>");
        }
    }

}
