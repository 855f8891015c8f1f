package io.sigil.server.api.accessanalyzer;

import io.sigil.server.http.HttpCall;
import io.sigil.server.rest.JsonTree;
import io.sigil.server.rest.RestOperation;
import io.sigil.server.sigv4.Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging without maxResults: one page of DEFAULT_MAX_RESULTS findings, checked at the limit and either side. */
class ValidatePolicyOperationTest {
    /** An identity policy with exactly {@code n} findings: one INVALID_ACTION per unknown action. */
    static String policyWithFindings(int n) {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < n; i++) {
            actions.append(i == 0 ? "" : ",").append("\"s3:NoSuchAction").append(i).append('"');
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions
                + "],\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> validate(String policy) throws Exception {
        String body = JsonTree.write(Map.of("policyType", "IDENTITY_POLICY", "policyDocument", policy));
        HttpCall call = new HttpCall("POST", "/policy/validation", "", Headers.of("Host", "h"),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", false);
        String out = new ValidatePolicyOperation().handle(call, null, new RestOperation.AuditNote());
        return (Map<String, Object>) JsonTree.parse(out.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void defaultPage_holdsUpToDefaultMaxResults() throws Exception {
        int max = ValidatePolicyOperation.DEFAULT_MAX_RESULTS;
        Map<String, Object> below = validate(policyWithFindings(max - 1));
        assertThat((List<?>) below.get("findings")).hasSize(max - 1);
        assertThat(below).doesNotContainKey("nextToken");
        Map<String, Object> at = validate(policyWithFindings(max));
        assertThat((List<?>) at.get("findings")).hasSize(max);
        assertThat(at).doesNotContainKey("nextToken");
        Map<String, Object> above = validate(policyWithFindings(max + 1));
        assertThat((List<?>) above.get("findings")).hasSize(max);
        assertThat(above).containsKey("nextToken");
    }
}
