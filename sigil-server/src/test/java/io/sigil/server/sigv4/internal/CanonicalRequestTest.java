package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRequestTest {

    @ParameterizedTest(name = "query {0} canonicalises to {1}")
    @CsvSource(delimiter = '|', value = {
            "''|''",
            "b=2&a=1|a=1&b=2",
            "a=2&a=1|a=1&a=2",
            "a=b&a=B|a=B&a=b",
            "flag|flag=",
            "a=&&b=|a=&b=",
            "c+d|c%2Bd=",
            "a=x%20y|a=x%20y",
            "a=x y|a=x%20y",
            "a=%7e%2a|a=~%2A",
            "k=%zz|k=%25zz",
            "X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fiam%2Faws4_request|"
                    + "X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fiam%2Faws4_request"})
    void queryParametersAreDecodedReencodedAndSortedByNameThenValue(String raw, String canonical) {
        assertThat(CanonicalRequest.canonicalQuery(QueryParam.parse(raw), false)).isEqualTo(canonical);
    }

    @Test
    void presignedCanonicalQuery_leavesOutXAmzSignatureOnly() {
        String raw = "X-Amz-Signature=abc&X-Amz-Date=20150830T123600Z&Action=GetCallerIdentity";
        assertThat(CanonicalRequest.canonicalQuery(QueryParam.parse(raw), true))
                .isEqualTo("Action=GetCallerIdentity&X-Amz-Date=20150830T123600Z");
        assertThat(CanonicalRequest.canonicalQuery(QueryParam.parse(raw), false)).contains("X-Amz-Signature=abc");
    }

    @ParameterizedTest(name = "header value [{0}] canonicalises to [{1}]")
    @CsvSource(delimiter = '|', value = {
            "value1|value1",
            "'  value1  '|value1",
            "'\"a   b   c\"'|'\"a b c\"'",
            "'a\t\tb'|a b",
            "'a\tb'|a b",
            "'a b c'|a b c",
            "' a'|a",
            "'a '|a",
            "'\ta'|a",
            "' '|''",
            "'a  b'|a b",
            "''|''"})
    void headerValuesAreTrimmedAndInnerRunsOfSpacesCollapse(String raw, String canonical) {
        assertThat(CanonicalRequest.trimAll(raw)).isEqualTo(canonical);
    }

    @Test
    void canonicalHeaders_followTheSignedHeaderListAndJoinRepeatsWithCommas() {
        Headers headers = Headers.of("X-Amz-Date", "20150830T123600Z", "Host", "iam.amazonaws.com",
                "My-Header", "b", "my-header", " a ", "Unsigned", "x");
        assertThat(CanonicalRequest.canonicalHeaders(headers, List.of("host", "my-header", "x-amz-date")))
                .isEqualTo("host:iam.amazonaws.com\nmy-header:b,a\nx-amz-date:20150830T123600Z\n");
    }

    @Test
    void theHashOfTheCanonicalRequest_isTheSha256OfItsText() {
        CanonicalRequest c = new CanonicalRequest("POST", "/", "a=1&b=%C3%A9", "host:iam.amazonaws.com\nx-amz-date:d\n",
                "host;x-amz-date", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(c.hashHex()).isEqualTo(Hashing.sha256Hex(c.text()));
        CanonicalRequest unicode =
                new CanonicalRequest("GET", "/caf\u00e9", "", "host:h\n", "host", "UNSIGNED-PAYLOAD");
        assertThat(unicode.hashHex()).isEqualTo(Hashing.sha256Hex(unicode.text()));
    }

    @Test
    void aSignedHeaderMissingFromTheRequest_contributesNoLine() {
        assertThat(CanonicalRequest.canonicalHeaders(Headers.of("Host", "h"), List.of("host", "x-amz-date")))
                .isEqualTo("host:h\n");
    }
}
