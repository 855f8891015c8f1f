package io.sigil.server.sigv4.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Authorization header is scanned by hand; these pin that it splits exactly as the regular expressions
 * {@code \s+} (algorithm from the rest) and {@code [,\s]+} (between parameters) do, the rule it replaced.
 */
class AuthParserTest {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    /** The former implementation: a map, or the text of the token that has no '='. */
    private static Object byRegex(String header) {
        String[] algorithmAndRest = WHITESPACE.split(header, 2);
        Map<String, String> params = new HashMap<>();
        String rest = algorithmAndRest.length > 1 ? algorithmAndRest[1] : "";
        for (String token : SEPARATORS.split(rest)) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq < 0) {
                return token;
            }
            params.put(token.substring(0, eq), token.substring(eq + 1));
        }
        return params;
    }

    private static Object byScan(String header) {
        try {
            return AuthParser.parameters(header, AuthParser.algorithm(header).length());
        } catch (Rejection e) {
            String m = e.error().message();
            return m.substring(1, m.indexOf("' not a valid key=value pair"));
        }
    }

    @Test
    void aTypicalHeader_givesItsThreeParameters() {
        String h = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
        assertThat(AuthParser.algorithm(h)).isEqualTo("AWS4-HMAC-SHA256");
        assertThat(AuthParser.parameters(h, 16)).containsOnlyKeys("Credential", "SignedHeaders", "Signature")
                .containsEntry("SignedHeaders", "content-type;host;x-amz-date");
    }

    @Test
    void aStraySpaceInTheCredential_isATokenWithoutEqualSign_asAwsReportsIt() {
        String h = "AWS4-HMAC-SHA256 Credential=AKID /20150620/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=x";
        assertThatThrownBy(() -> AuthParser.parameters(h, 16)).isInstanceOf(Rejection.class)
                .hasMessageContaining("'/20150620/us-east-1/iam/aws4_request' not a valid key=value pair");
    }

    @Test
    void onRandomHeaders_theScanSplitsAsTheRegularExpressionsDid() {
        char[] alphabet = {'A', 'b', '=', '=', ',', ',', ' ', ' ', '\t', '\n', '\u000B', '\f', '\r', '/', ';', '\u00a0',
            '\u2003', '\u001c'};
        Random random = new Random(20261201);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder h = new StringBuilder(random.nextBoolean() ? "AWS4-HMAC-SHA256" : "");
            int len = random.nextInt(24);
            for (int j = 0; j < len; j++) {
                h.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String header = h.toString().trim();
            assertThat(AuthParser.algorithm(header)).as(header).isEqualTo(WHITESPACE.split(header, 2)[0]);
            assertThat(byScan(header)).as(header).isEqualTo(byRegex(header));
        }
    }
}
