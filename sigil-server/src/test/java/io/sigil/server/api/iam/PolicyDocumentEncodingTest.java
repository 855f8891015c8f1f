package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Policy documents come back URL-encoded per RFC 3986 (IAM API Reference, GetUserPolicy › PolicyDocument). */
class PolicyDocumentEncodingTest {

    @Test
    void encode_matchesTheFormAwsAnswers() {
        // As AWS answered GetPolicyVersion for a pretty-printed document (aws/aws-sdk-go issue #1513).
        String doc = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n"
                + "            \"Action\": [\n                \"acm:*\"\n            ]\n        }\n    ]\n}";

        assertThat(PolicyDocumentEncoding.encode(doc)).startsWith(
                "%7B%0A%20%20%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%20%20%22Statement%22%3A%20%5B")
                .contains("%22acm%3A%2A%22");
    }

    @Test
    void encode_leavesOnlyTheUnreservedCharacters() {
        assertThat(PolicyDocumentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(PolicyDocumentEncoding.encode("+ /?#[]@!$&'()*,;=%\t\r"))
                .isEqualTo("%2B%20%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2C%3B%3D%25%09%0D");
    }

    @Test
    void encode_writesLatin1CharactersAsTheirUtf8Bytes() {
        assertThat(PolicyDocumentEncoding.encode("caf\u00e9 \u00ff")).isEqualTo("caf%C3%A9%20%C3%BF");
    }

    @Test
    void encode_roundTripsThroughTheDecoderJavaUsersApply() {
        String doc = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"arn:aws:s3:::a+b/*\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"home/${aws:username}/ \u00e9\"]}}}}";

        assertThat(URLDecoder.decode(PolicyDocumentEncoding.encode(doc), StandardCharsets.UTF_8)).isEqualTo(doc);
    }
}
