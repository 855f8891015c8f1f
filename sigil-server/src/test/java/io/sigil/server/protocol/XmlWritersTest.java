package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;
import software.amazon.awssdk.services.iam.model.User;

class XmlWritersTest {
    private static final OperationRegistry REGISTRY = OperationRegistry.standard();
    private static final QueryProtocol PROTOCOL = QueryProtocol.standard();

    @Test
    void response_wrapsMembersInResultAndEndsWithTheRequestId_inTheIamNamespace() {
        User user = User.builder().path("/").userName("alice").userId("AIDAEXAMPLE")
                .arn("arn:aws:iam::123456789012:user/alice").createDate(Instant.parse("2024-01-01T12:00:00Z")).build();

        String xml = write("CreateUser", CreateUserResponse.builder().user(user).build());

        assertThat(xml).isEqualTo("<CreateUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<CreateUserResult><User><Path>/</Path><UserName>alice</UserName><UserId>AIDAEXAMPLE</UserId>"
                + "<Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2024-01-01T12:00:00Z</CreateDate>"
                + "</User></CreateUserResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                + "</CreateUserResponse>");
    }

    @Test
    void operationWithoutOutputShape_writesOnlyResponseMetadata() {
        assertThat(write("DeleteUser", DeleteUserResponse.builder().build())).isEqualTo(
                "<DeleteUserResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ResponseMetadata>"
                        + "<RequestId>r-1</RequestId></ResponseMetadata></DeleteUserResponse>");
    }

    @Test
    void operationWhoseOutputShapeHasNoMembers_writesAnEmptyResultElement_asAwsAndTheGoSdkExpect() {
        // UpdateRole's output shape, UpdateRoleResponse, has no members; AWS answers <UpdateRoleResult/>, and the
        // AWS SDK for Go v2 (Terraform's AWS provider) fails with "UpdateRoleResult node not found" without it.
        assertThat(write("UpdateRole", UpdateRoleResponse.builder().build())).isEqualTo(
                "<UpdateRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><UpdateRoleResult/>"
                        + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></UpdateRoleResponse>");
    }

    @Test
    void text_isEscaped_andCarriageReturnsSurviveAsCharacterReferences() throws Exception {
        String document = "{\"a\":\"<b> & 'c' \\\"d\\\"\"}\r\n";
        String xml = write("GetUserPolicy", GetUserPolicyResponse.builder().userName("u").policyName("p")
                .policyDocument(document).build());

        assertThat(xml).contains("<PolicyDocument>{\"a\":\"&lt;b&gt; &amp; 'c' \\\"d\\\"\"}&#13;\n</PolicyDocument>");
        assertThat(parse(xml).getElementsByTagName("PolicyDocument").item(0).getTextContent()).isEqualTo(document);
    }

    @Test
    void charactersXmlCannotCarry_areReplaced_soTheDocumentStaysWellFormed() throws Exception {
        String xml = write("GetUserPolicy", GetUserPolicyResponse.builder().userName("u").policyName("p")
                .policyDocument("a\u0000b\u001Fc\uD800d\uFFFEe\uD83D\uDE00").build());

        assertThat(parse(xml).getElementsByTagName("PolicyDocument").item(0).getTextContent())
                .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uD83D\uDE00");
    }

    @Test
    void instants_areUtcIso8601_toTheSecond_orToTheMillisecondWhenThereIsAFraction() {
        assertThat(ScalarCodec.formatInstant(Instant.parse("2024-01-01T12:00:00Z"))).isEqualTo("2024-01-01T12:00:00Z");
        assertThat(ScalarCodec.formatInstant(Instant.parse("2024-01-01T12:00:00.359Z")))
                .isEqualTo("2024-01-01T12:00:00.359Z");
        assertThat(ScalarCodec.formatInstant(Instant.parse("2024-01-01T12:00:00.123456789Z")))
                .isEqualTo("2024-01-01T12:00:00.123Z");
    }

    @Test
    void instants_areWrittenAsTheJdksIsoInstantWrites_acrossCenturiesLeapDaysAndTheFourDigitYearEdges() {
        java.util.List<Instant> cases = new java.util.ArrayList<>(java.util.List.of(
                Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.999Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.001Z"), Instant.EPOCH, Instant.parse("2000-02-29T12:34:56Z"),
                Instant.parse("1900-03-01T00:00:00.010Z"), Instant.parse("2100-02-28T23:59:59.100Z")));
        java.util.Random random = new java.util.Random(20261201);
        for (int i = 0; i < 10_000; i++) {
            cases.add(Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L, random.nextInt(1_000_000_000)));
        }
        for (Instant at : cases) {
            assertThat(ScalarCodec.formatInstant(at)).as(at.toString()).isEqualTo(
                    java.time.format.DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(
                            java.time.temporal.ChronoUnit.MILLIS)));
        }
    }

    @Test
    void responseOfAnotherOperation_isRefused() {
        Operation deleteUser = REGISTRY.find(AwsService.IAM, "DeleteUser").orElseThrow();
        assertThatThrownBy(() -> PROTOCOL.encodeResponse(deleteUser, CreateUserResponse.builder().build(), "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorResponse_hasTypeCodeMessageAndRequestId_asIamWritesIt() {
        AwsError error = new AwsError("NoSuchEntity", 404, Fault.SENDER, "The user with name <x> cannot be found.");

        assertThat(new String(ErrorResponseWriter.write(AwsService.IAM, error, "r-2"), StandardCharsets.UTF_8))
                .isEqualTo("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
                        + "<Type>Sender</Type><Code>NoSuchEntity</Code>"
                        + "<Message>The user with name &lt;x&gt; cannot be found.</Message></Error>"
                        + "<RequestId>r-2</RequestId></ErrorResponse>");
    }

    @Test
    void errorResponse_ofSts_usesTheStsNamespace_andReceiverFaults() {
        AwsError error = new AwsError("ServiceFailure", 500, Fault.RECEIVER, "internal");

        assertThat(new String(ErrorResponseWriter.write(AwsService.STS, error, "r-3"), StandardCharsets.UTF_8))
                .isEqualTo("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                        + "<Type>Receiver</Type><Code>ServiceFailure</Code><Message>internal</Message></Error>"
                        + "<RequestId>r-3</RequestId></ErrorResponse>");
    }

    @Test
    void text_isTheUtf8OfItsEscapedForm_whateverMixOfEscapesAndWideCharactersOutgrowsTheBuffer() {
        // the writer encodes UTF-8 itself into an array it grows; compared here with the JDK's encoder
        String[] pieces = {"a", "plain text ", "&", "<", ">", "\r", "\t", "\n", "\u00e9", "\u20ac", "\uD83D\uDE00",
            "\u0000", "\uD800", "\uDC00", "\uFFFE", "\u07FF", "\u0800", "\uFFFD"};
        java.util.Random random = new java.util.Random(20261202);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] written = new XmlText(1 + random.nextInt(8)).start("E\u00e9").text(text.toString()).end("E\u00e9")
                    .utf8();
            assertThat(new String(written, StandardCharsets.UTF_8))
                    .as("text %s", text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo("<E\u00e9>" + escaped(text.toString()) + "</E\u00e9>");
        }
    }

    /** The escaping XmlText documents, written the slow way. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '\r') {
                out.append("&#13;");
            } else {
                out.append(XmlText.isAllowed(c) ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    private static String write(String action, software.amazon.awssdk.core.SdkPojo response) {
        Operation op = REGISTRY.find(AwsService.IAM, action).orElseThrow();
        return new String(PROTOCOL.encodeResponse(op, (AwsResponse) response, "r-1"), StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
