package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.sigil.iam.crypto.Base32;
import io.sigil.iam.crypto.Totp;
import io.sigil.server.testing.SigilTestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.io.InputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** The virtual MFA operations through the AWS SDK for Java v2, with real TOTP codes (spec §5.5, §10 H81). */
class MfaDevicesSdkTest {

    private final SigilTestServer server = SharedServer.get();
    private final IamClient iam = server.rootIam();

    private static String unique(String prefix) {
        return prefix + SdkFixture.uniquePath().replace("/", "");
    }

    private String user(String prefix) {
        String name = unique(prefix);
        iam.createUser(r -> r.userName(name));
        return name;
    }

    private VirtualMFADevice device(String name) {
        return iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();
    }

    private static byte[] seed(VirtualMFADevice d) {
        return Base32.decode(d.base32StringSeed().asUtf8String());
    }

    private static String code(VirtualMFADevice d, long stepOffset) {
        return Totp.code(seed(d), Totp.step(Instant.now()) + stepOffset);
    }

    private void enable(String user, VirtualMFADevice d) {
        iam.enableMFADevice(r -> r.userName(user).serialNumber(d.serialNumber()).authenticationCode1(code(d, -1))
                .authenticationCode2(code(d, 0)));
    }

    @Test
    void create_returnsTheSerialArnA64CharacterBase32Seed_andAQrCodeOfTheOtpauthUri() throws Exception {
        String name = unique("mfa");
        VirtualMFADevice d = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name).path("/team/"))
                .virtualMFADevice();

        assertThat(d.serialNumber()).isEqualTo("arn:aws:iam::" + SdkFixture.ACCOUNT + ":mfa/team/" + name);
        String seed = d.base32StringSeed().asUtf8String();
        assertThat(seed).hasSize(64).matches("[A-Z2-7]+");
        byte[] png = d.qrCodePNG().asByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decodeQr(png)).isEqualTo("otpauth://totp/" + name + "@" + SdkFixture.ACCOUNT + "?secret=" + seed);
    }

    /** The SDK model makes both blobs, which the Query protocol writes in base64. */
    @Test
    void create_theSeedAndQrCodeTravelAsBase64OnTheWire() {
        String name = unique("mfawire");
        StringBuilder body = new StringBuilder();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                    ExecutionAttributes attributes) {
                byte[] bytes = context.responseBody().map(in -> {
                    try {
                        return in.readAllBytes();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).orElse(new byte[0]);
                body.append(new String(bytes, StandardCharsets.UTF_8));
                return Optional.of(new ByteArrayInputStream(bytes));
            }
        };
        try (IamClient raw = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(capture)).build()) {
            VirtualMFADevice d = raw.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();

            String seed = d.base32StringSeed().asUtf8String();
            assertThat(body).contains("<Base32StringSeed>" + Base64.getEncoder().encodeToString(
                    seed.getBytes(StandardCharsets.US_ASCII)) + "</Base32StringSeed>");
            assertThat(body).contains("<QRCodePNG>" + Base64.getEncoder().encodeToString(d.qrCodePNG().asByteArray())
                    + "</QRCodePNG>");
        }
    }

    @Test
    void create_aSecondDeviceOfTheSameName_inAnyCase_isEntityAlreadyExists() {
        String name = unique("mfadup");
        device(name);

        awsError(() -> iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(name.toUpperCase())),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists", "MFA device already exists.");
    }

    /** Spec §10 H81: codes for t and t+30 s (submitted at t+30 s) enable the device. */
    @Test
    void h81_enable_withTwoConsecutiveCodes_assignsTheDevice_andListsShowIt() {
        String user = user("mfauser");
        VirtualMFADevice d = device(unique("mfaen"));

        enable(user, d);

        var listed = iam.listMFADevices(r -> r.userName(user)).mfaDevices();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).serialNumber()).isEqualTo(d.serialNumber());
        assertThat(listed.get(0).userName()).isEqualTo(user);
        assertThat(listed.get(0).enableDate()).isNotNull();
        VirtualMFADevice assigned = iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(
                AssignmentStatusType.ASSIGNED)).virtualMFADevices().stream()
                .filter(v -> v.serialNumber().equals(d.serialNumber())).findFirst().orElseThrow();
        assertThat(assigned.user().userName()).isEqualTo(user);
        assertThat(assigned.user().arn()).isEqualTo("arn:aws:iam::" + SdkFixture.ACCOUNT + ":user/" + user);
        assertThat(assigned.enableDate()).isEqualTo(listed.get(0).enableDate());
        assertThat(assigned.base32StringSeed()).isNull();
        assertThat(serials(AssignmentStatusType.UNASSIGNED)).doesNotContain(d.serialNumber());
        assertThat(serials(AssignmentStatusType.ANY)).contains(d.serialNumber());
        assertThat(iam.getMFADevice(r -> r.userName(user).serialNumber(d.serialNumber())).enableDate()).isNotNull();
    }

    /** Spec §10 H81: the same code twice, or codes that are not consecutive, fail. */
    @Test
    void h81_enable_withTheSameCodeTwiceOrNonConsecutiveCodes_isInvalidAuthenticationCode() {
        String user = user("mfabad");
        VirtualMFADevice d = device(unique("mfabad"));

        for (String[] codes : List.of(new String[] {code(d, 0), code(d, 0)}, new String[] {code(d, -2), code(d, 0)},
                new String[] {code(d, 0), code(d, -1)}, new String[] {"000000", "000000"})) {
            awsError(() -> iam.enableMFADevice(r -> r.userName(user).serialNumber(d.serialNumber())
                    .authenticationCode1(codes[0]).authenticationCode2(codes[1])),
                    InvalidAuthenticationCodeException.class, 403, "InvalidAuthenticationCode",
                    "Authentication code for device is not valid.");
        }
        assertThat(iam.listMFADevices(r -> r.userName(user)).mfaDevices()).isEmpty();
    }

    @Test
    void enable_errors_unknownUserUnknownDeviceAndADeviceInUse() {
        String user = user("mfaerr");
        VirtualMFADevice d = device(unique("mfaerr"));
        awsError(() -> iam.enableMFADevice(r -> r.userName("nonexistent-user").serialNumber(d.serialNumber())
                .authenticationCode1("123456").authenticationCode2("654321")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The user with name nonexistent-user cannot be found.");
        String missing = "arn:aws:iam::" + SdkFixture.ACCOUNT + ":mfa/nonexistent-mfa";
        awsError(() -> iam.enableMFADevice(r -> r.userName(user).serialNumber(missing).authenticationCode1("123456")
                .authenticationCode2("654321")), NoSuchEntityException.class, 404, "NoSuchEntity",
                "MFA Device with serial number " + missing + " does not exist.");
        enable(user, d);
        String other = user("mfaother");
        awsError(() -> iam.enableMFADevice(r -> r.userName(other).serialNumber(d.serialNumber())
                .authenticationCode1(code(d, 0)).authenticationCode2(code(d, 1))),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists", "MFA Device is already in use.");
    }

    @Test
    void enable_aNinthDeviceForOneUser_isLimitExceeded() {
        String user = user("mfaquota");
        for (int i = 0; i < 8; i++) {
            enable(user, device(unique("mfaq" + i)));
        }
        VirtualMFADevice ninth = device(unique("mfaq9"));

        awsError(() -> enable(user, ninth), LimitExceededException.class, 409, "LimitExceeded",
                "Cannot exceed quota for MFADevicesPerUser: 8");
        assertThat(iam.listMFADevices(r -> r.userName(user)).mfaDevices()).hasSize(8);
    }

    @Test
    void resync_withTwoNewCodes_succeeds_andWithBadCodesIsInvalidAuthenticationCode() throws Exception {
        String user = user("mfasync");
        VirtualMFADevice d = device(unique("mfasync"));
        iam.enableMFADevice(r -> r.userName(user).serialNumber(d.serialNumber()).authenticationCode1(code(d, -3))
                .authenticationCode2(code(d, -2)));

        awsError(() -> iam.resyncMFADevice(r -> r.userName(user).serialNumber(d.serialNumber())
                .authenticationCode1(code(d, -3)).authenticationCode2(code(d, -2))),
                InvalidAuthenticationCodeException.class, 403, "InvalidAuthenticationCode",
                "Authentication code for device is not valid.");
        iam.resyncMFADevice(r -> r.userName(user).serialNumber(d.serialNumber()).authenticationCode1(code(d, -1))
                .authenticationCode2(code(d, 0)));

        String stranger = user("mfastranger");
        awsError(() -> iam.resyncMFADevice(r -> r.userName(stranger).serialNumber(d.serialNumber())
                .authenticationCode1(code(d, 0)).authenticationCode2(code(d, 1))), NoSuchEntityException.class,
                404, "NoSuchEntity", "MFA Device with serial number " + d.serialNumber() + " does not exist.");
    }

    @Test
    void deactivate_thenDelete_andDeleteWhileAssignedIsDeleteConflict() {
        String user = user("mfadel");
        VirtualMFADevice d = device(unique("mfadel"));
        enable(user, d);

        awsError(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(d.serialNumber())),
                DeleteConflictException.class, 409, "DeleteConflict",
                "MFA VirtualDevice in use. Must deactivate first.");
        awsError(() -> iam.deleteUser(r -> r.userName(user)), DeleteConflictException.class, 409, "DeleteConflict",
                "Cannot delete entity, must delete MFA device first.");

        iam.deactivateMFADevice(r -> r.userName(user).serialNumber(d.serialNumber()));
        assertThat(iam.listMFADevices(r -> r.userName(user)).mfaDevices()).isEmpty();
        assertThat(serials(AssignmentStatusType.UNASSIGNED)).contains(d.serialNumber());
        awsError(() -> iam.deactivateMFADevice(r -> r.userName(user).serialNumber(d.serialNumber())),
                NoSuchEntityException.class, 404, "NoSuchEntity",
                "MFA Device with serial number " + d.serialNumber() + " does not exist.");

        iam.deleteVirtualMFADevice(r -> r.serialNumber(d.serialNumber()));
        assertThat(serials(AssignmentStatusType.ANY)).doesNotContain(d.serialNumber());
        awsError(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(d.serialNumber())),
                NoSuchEntityException.class, 404, "NoSuchEntity",
                "MFA Device with serial number " + d.serialNumber() + " does not exist.");
        iam.deleteUser(r -> r.userName(user));
    }

    @Test
    void listVirtual_pagesAndRefusesABadMarker() {
        for (int i = 0; i < 3; i++) {
            device(unique("mfapage"));
        }
        var first = iam.listVirtualMFADevices(r -> r.maxItems(1));
        assertThat(first.virtualMFADevices()).hasSize(1);
        assertThat(first.isTruncated()).isTrue();
        var second = iam.listVirtualMFADevices(r -> r.maxItems(1).marker(first.marker()));
        assertThat(second.virtualMFADevices().get(0).serialNumber())
                .isGreaterThan(first.virtualMFADevices().get(0).serialNumber().toLowerCase());

        awsError(() -> iam.listVirtualMFADevices(r -> r.marker("invalid-marker-value")), IamException.class, 400,
                "ValidationError", "Invalid Marker.");
    }

    @Test
    void tags_areAddedListedReplacedAndRemoved() {
        VirtualMFADevice d = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(unique("mfatag"))
                .tags(Tag.builder().key("team").value("a").build())).virtualMFADevice();
        assertThat(d.tags()).extracting(Tag::key).containsExactly("team");

        iam.tagMFADevice(r -> r.serialNumber(d.serialNumber()).tags(Tag.builder().key("Team").value("b").build(),
                Tag.builder().key("env").value("dev").build()));
        // Keys of virtual MFA devices are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(iam.listMFADeviceTags(r -> r.serialNumber(d.serialNumber())).tags()).containsExactly(
                Tag.builder().key("Team").value("b").build(), Tag.builder().key("env").value("dev").build(),
                Tag.builder().key("team").value("a").build());
        iam.untagMFADevice(r -> r.serialNumber(d.serialNumber()).tagKeys("ENV", "env", "team", "absent"));
        assertThat(iam.listMFADeviceTags(r -> r.serialNumber(d.serialNumber())).tags()).extracting(Tag::key)
                .containsExactly("Team");

        String missing = "arn:aws:iam::" + SdkFixture.ACCOUNT + ":mfa/none-such";
        awsError(() -> iam.listMFADeviceTags(r -> r.serialNumber(missing)), NoSuchEntityException.class, 404,
                "NoSuchEntity", "MFA Device with serial number " + missing + " does not exist.");
        awsError(() -> iam.tagMFADevice(r -> r.serialNumber(missing).tags(Tag.builder().key("k").value("v").build())),
                NoSuchEntityException.class, 404, "NoSuchEntity", null);
        awsError(() -> iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(unique("mfaaws"))
                .tags(Tag.builder().key("aws:team").value("x").build())), IamException.class, 400, "InvalidInput",
                null);
        awsError(() -> iam.getMFADevice(r -> r.serialNumber(d.serialNumber()).userName(user("mfanone"))),
                NoSuchEntityException.class, 404, "NoSuchEntity", "MFA Device with serial number "
                        + d.serialNumber() + " does not exist.");
    }

    @Test
    void selfService_aUserManagesItsOwnMfaOnly_asTheUserGuidePolicyAllows() {
        String bob = user("bob");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:CreateVirtualMFADevice\",\"Resource\":\"arn:aws:iam::*:mfa/${aws:username}\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"iam:EnableMFADevice\",\"iam:ListMFADevices\"],"
                + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
        try (IamClient self = signingAs(server, bob, policy)) {
            VirtualMFADevice d = self.createVirtualMFADevice(r -> r.virtualMFADeviceName(bob)).virtualMFADevice();
            self.enableMFADevice(r -> r.userName(bob).serialNumber(d.serialNumber())
                    .authenticationCode1(code(d, -1)).authenticationCode2(code(d, 0)));
            assertThat(self.listMFADevices(r -> { }).mfaDevices()).hasSize(1);

            awsError(() -> self.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-" + bob)),
                    IamException.class, 403, "AccessDenied", "User: arn:aws:iam::" + SdkFixture.ACCOUNT + ":user/"
                            + bob + " is not authorized to perform: iam:CreateVirtualMFADevice on resource: "
                            + "arn:aws:iam::" + SdkFixture.ACCOUNT + ":mfa/alice-" + bob
                            + " because no identity-based policy allows the iam:CreateVirtualMFADevice action");
            awsError(() -> self.listVirtualMFADevices(), IamException.class, 403, "AccessDenied",
                    "User: arn:aws:iam::" + SdkFixture.ACCOUNT + ":user/" + bob + " is not authorized to perform: "
                            + "iam:ListVirtualMFADevices on resource: arn:aws:iam::" + SdkFixture.ACCOUNT + ":mfa/"
                            + " because no identity-based policy allows the iam:ListVirtualMFADevices action");
        }
    }

    /**
     * MFA-protected API access (spec §5.5): GetSessionToken with the device's serial number and a code gives an
     * MFA session, which may call IAM where the policy asks aws:MultiFactorAuthPresent; the same code again is
     * refused with STS's text.
     */
    @Test
    void getSessionToken_withACodeOfTheUsersDevice_givesAnMfaSession_andTheCodeIsAcceptedOnce() {
        String user = user("mfasts");
        VirtualMFADevice d = device(unique("mfasts"));
        iam.enableMFADevice(r -> r.userName(user).serialNumber(d.serialNumber()).authenticationCode1(code(d, -2))
                .authenticationCode2(code(d, -1)));
        iam.putUserPolicy(r -> r.userName(user).policyName("mfa-only").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListMFADevices\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}"));
        var key = iam.createAccessKey(r -> r.userName(user)).accessKey();
        String tokenCode = code(d, 0);
        try (var sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            var creds = sts.getSessionToken(r -> r.serialNumber(d.serialNumber()).tokenCode(tokenCode)).credentials();
            try (IamClient session = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(creds.accessKeyId(),
                                    creds.secretAccessKey(), creds.sessionToken())))
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                assertThat(session.listMFADevices(r -> r.userName(user)).mfaDevices()).hasSize(1);
            }
            var replay = org.assertj.core.api.Assertions.catchThrowableOfType(
                    software.amazon.awssdk.services.sts.model.StsException.class,
                    () -> sts.getSessionToken(r -> r.serialNumber(d.serialNumber()).tokenCode(tokenCode)));
            assertThat(replay.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(replay.awsErrorDetails().errorMessage())
                    .isEqualTo("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        try (IamClient plain = server.iam(key.accessKeyId(), key.secretAccessKey())) {
            awsError(() -> plain.listMFADevices(r -> r.userName(user)), IamException.class, 403, "AccessDenied", null);
        }
    }

    @Test
    void theDatabase_holdsNoSeedInClear() throws Exception {
        VirtualMFADevice d = device(unique("mfaclear"));
        String seed = d.base32StringSeed().asUtf8String();
        String raw = new String(seed(d), StandardCharsets.ISO_8859_1);

        StringBuilder all = new StringBuilder();
        for (String suffix : new String[] {"", "-wal"}) {
            Path f = server.app().dataDir().resolve("sigil.db" + suffix);
            if (Files.exists(f)) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).contains(d.serialNumber());
        assertThat(all.toString()).doesNotContain(seed).doesNotContain(raw);
    }

    private List<String> serials(AssignmentStatusType status) {
        return iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(status)).virtualMFADevices().stream()
                .map(VirtualMFADevice::serialNumber).toList();
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
