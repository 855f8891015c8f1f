package io.sigil.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets over the whole pipeline: parse, validate, compile, evaluate. The property is totality (DESIGN.md,
 * "Evaluation is total"): whatever the bytes, nothing throws and every request gets a decision.
 * <p>
 * Plain {@code mvn test} runs Jazzer's regression mode: each file under
 * {@code src/test/resources/io/sigil/policy/PolicyFuzzTestInputs/<method>/} is one test. To fuzz, run with
 * {@code JAZZER_FUZZ=1}, e.g. {@code JAZZER_FUZZ=1 mvn test -pl sigil-policy -Dtest=PolicyFuzzTest#policyText};
 * crashing inputs are written to that directory, to be committed as regression cases.
 */
class PolicyFuzzTest {
    private static final PolicyEngine ENGINE = new PolicyEngine();

    /** Callers of every kind, with the keys a real request carries. */
    private static final List<RequestContext> REQUESTS = List.of(
            request("arn:aws:iam::123456789012:user/alice", "s3:GetObject", "arn:aws:s3:::bucket/home/alice/x",
                    Map.of("aws:SourceIp", ContextValue.of("203.0.113.7"), "aws:SecureTransport", ContextValue.of("true"),
                            "aws:CurrentTime", ContextValue.of("2024-06-01T12:00:00Z"),
                            "aws:TagKeys", ContextValue.ofList(List.of("team", "cost")))),
            request("arn:aws:sts::123456789012:assumed-role/admin/session", "iam:CreateUser",
                    "arn:aws:iam::123456789012:user/bob",
                    Map.of("aws:MultiFactorAuthPresent", ContextValue.of("true"),
                            "aws:TokenIssueTime", ContextValue.of("2024-06-01T11:00:00Z"),
                            "aws:PrincipalTag/team", ContextValue.of("*"))),
            request("arn:aws:iam::999999999999:root", "sts:AssumeRole", "arn:aws:iam::123456789012:role/r",
                    Map.of("sts:ExternalId", ContextValue.of("12345"), "aws:SourceIp", ContextValue.of("::ffff:10.0.0.1"))),
            request("*", "s3:ListBucket", "arn:aws:s3:::bucket", Map.of("s3:prefix", ContextValue.of("home/"),
                    "s3:max-keys", ContextValue.of("10"))),
            request("ec2.amazonaws.com", "sts:AssumeRole", "*", Map.of()));

    private static RequestContext request(String principal, String action, String resource, Map<String, ContextValue> keys) {
        return RequestContext.of(principal, action, resource, keys);
    }

    /** Any text as a policy of every type, evaluated for callers of every kind. */
    @FuzzTest(maxDuration = "2m")
    void policyText(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8); // as the server decodes a request body
        for (PolicyType type : PolicyType.values()) {
            ValidationReport report = PolicyValidator.validate(text, type);
            assertThat(report.findings()).doesNotContainNull();
        }
        ParseResult parsed = PolicyParser.parse(text);
        if (!parsed.ok()) {
            assertThat(parsed.syntaxError()).isNotNull();
            return;
        }
        for (PolicySet set : setsOf(parsed.policy())) {
            for (RequestContext r : REQUESTS) {
                decide(r, set);
            }
        }
    }

    /**
     * A request and a policy in one input, as text lines: principal, action, resource, keys, then the policy.
     * Keys are {@code name=value} or {@code name[]=v1,v2} (multivalued), separated by {@code ;}.
     */
    @FuzzTest(maxDuration = "2m")
    void requestAgainstPolicy(byte[] data) {
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\n", 5);
        if (parts.length < 5) {
            return;
        }
        RequestContext r = request(parts[0], parts[1], parts[2], keys(parts[3]));
        ParseResult parsed = PolicyParser.parse(parts[4]);
        if (!parsed.ok()) {
            return;
        }
        for (PolicySet set : setsOf(parsed.policy())) {
            decide(r, set);
        }
    }

    private static void decide(RequestContext r, PolicySet set) {
        Decision d = ENGINE.evaluate(r, set);
        assertThat(d.outcome()).isNotNull();
        assertThat(d.explain()).isNotNull();
        assertThat(d.awsReason(r.action())).isNotNull();
    }

    /** The policy in each place a policy can stand, next to an identity policy that allows everything. */
    private static List<PolicySet> setsOf(Policy policy) {
        CompiledPolicy allowAll = CompiledPolicy.compile(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
                "allow-all", PolicyType.IDENTITY);
        List<PolicySet> sets = new ArrayList<>();
        sets.add(PolicySet.identityOnly(List.of(CompiledPolicy.compile(policy, "identity", PolicyType.IDENTITY))));
        CompiledPolicy resource = CompiledPolicy.compile(policy, "resource", PolicyType.RESOURCE);
        sets.add(new PolicySet(List.of(allowAll), null, null, resource, null, null));
        List<CompiledPolicy> boundary = List.of(CompiledPolicy.compile(policy, "boundary", PolicyType.PERMISSIONS_BOUNDARY));
        List<CompiledPolicy> session = List.of(CompiledPolicy.compile(policy, "session", PolicyType.SESSION));
        List<List<CompiledPolicy>> scp = List.of(List.of(CompiledPolicy.compile(policy, "scp", PolicyType.SCP)));
        List<List<CompiledPolicy>> rcp = List.of(List.of(CompiledPolicy.compile(policy, "rcp", PolicyType.RCP)));
        sets.add(new PolicySet(List.of(allowAll), boundary, session, resource, scp, rcp));
        return sets;
    }

    private static Map<String, ContextValue> keys(String line) {
        Map<String, ContextValue> keys = new HashMap<>();
        for (String pair : line.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (name.endsWith("[]")) {
                List<String> values = value.isEmpty() ? List.of() : List.of(value.split(",", -1));
                keys.put(name.substring(0, name.length() - 2), ContextValue.ofList(values));
            } else {
                keys.put(name, ContextValue.of(value));
            }
        }
        return keys;
    }
}
