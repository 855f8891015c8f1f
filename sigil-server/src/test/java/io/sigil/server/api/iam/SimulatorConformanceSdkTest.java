package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.policy.Caller;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.RequestContext;
import io.sigil.policy.conformance.CaseReader;
import io.sigil.policy.conformance.ConformanceCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;

/**
 * Runs every case of the project's conformance corpus (sigil-policy/src/test/resources/conformance) that the
 * simulator API can express through SimulateCustomPolicy over the SDK, and checks that the simulator reaches the
 * engine's decision. A case is expressible when its caller is an IAM user (CallerArn: "You can specify only the ARN
 * of an IAM user"), it has no session, SCP or RCP policies (SimulateCustomPolicy takes identity policies, one
 * resource policy and a permissions boundary), no boundary that is in force yet empty, every policy is one IAM
 * accepts for its type, and its action, resource and keys are valid API input. A case without identity policies is
 * sent with one policy that allows only an action no case uses, which grants nothing.
 */
class SimulatorConformanceSdkTest {

    private static final Path CORPUS = Paths.get("..", "sigil-policy", "src", "test", "resources", "conformance");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String GRANTS_NOTHING = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sigilnone:Nothing\",\"Resource\":\"*\"}]}";
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*:[A-Za-z0-9_.-]+");

    private static IamClient iam;

    @BeforeAll
    static void start() {
        iam = SharedServer.get().rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    @Test
    void everyExpressibleCorpusCase_getsTheEnginesDecisionFromSimulateCustomPolicy() throws Exception {
        PolicyEngine engine = new PolicyEngine();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        int total = 0;
        int run = 0;
        for (Path file : files()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (ConformanceCase c : CaseReader.read(file.getFileName().toString(), text, NOW)) {
                total++;
                String why = notExpressible(c);
                if (why != null) {
                    skipped.merge(why, 1, Integer::sum);
                    continue;
                }
                run++;
                Decision expected = engine.explain(c.request(), c.policies());
                EvaluationResult r = iam.simulateCustomPolicy(request(c)).evaluationResults().get(0);
                String want = software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType.fromValue(
                        decision(expected)).toString();
                if (!want.equals(r.evalDecisionAsString())) {
                    mismatches.add(c.label() + ": engine " + want + ", simulator " + r.evalDecisionAsString());
                }
            }
        }
        System.out.printf("Simulator conformance: %d corpus cases, %d expressible and run through"
                + " SimulateCustomPolicy, %d not expressible: %s%n", total, run, total - run, skipped);
        assertThat(mismatches).isEmpty();
        assertThat(run).as("expressible cases").isGreaterThan(total / 3);
    }

    private static String decision(Decision d) {
        switch (d.outcome()) {
            case ALLOW: return "allowed";
            case EXPLICIT_DENY: return "explicitDeny";
            default: return "implicitDeny";
        }
    }

    /** Why the simulator API cannot express the case, or null when it can. */
    private static String notExpressible(ConformanceCase c) {
        PolicySet p = c.policies();
        RequestContext req = c.request();
        if (req.caller().kind() != Caller.Kind.USER) {
            return "caller is not an IAM user";
        }
        if (p.session() != null) {
            return "session policies";
        }
        if (!p.scp().isEmpty() || !p.rcp().isEmpty()) {
            return "organization policies";
        }
        if (p.boundary() != null && p.boundary().isEmpty()) {
            return "empty permissions boundary in force";
        }
        List<CompiledPolicy> all = new ArrayList<>(p.identity());
        if (p.boundary() != null) {
            all.addAll(p.boundary());
        }
        for (CompiledPolicy cp : all) {
            if (PolicyValidator.validate(cp.policy().text(), PolicyType.IDENTITY).hasErrors()) {
                return "a policy IAM rejects";
            }
        }
        if (p.resource() != null
                && PolicyValidator.validate(p.resource().policy().text(), PolicyType.RESOURCE).hasErrors()) {
            return "a policy IAM rejects";
        }
        if (!ACTION.matcher(req.action()).matches()) {
            return "action name the API rejects";
        }
        String res = req.resource();
        if (!res.equals("*") && (!res.startsWith("arn:") || res.split(":", 6).length < 6)) {
            return "resource that is not an ARN";
        }
        for (String key : req.keys().keySet()) {
            if (key.length() < 5) {
                return "context key name the API rejects";
            }
        }
        return null;
    }

    private static SimulateCustomPolicyRequest request(ConformanceCase c) {
        PolicySet p = c.policies();
        RequestContext req = c.request();
        List<String> identity = p.identity().stream().map(cp -> cp.policy().text()).toList();
        SimulateCustomPolicyRequest.Builder b = SimulateCustomPolicyRequest.builder()
                .policyInputList(identity.isEmpty() ? List.of(GRANTS_NOTHING) : identity)
                .actionNames(req.action()).callerArn(req.caller().arn())
                .resourceOwner(req.resourceAccount())
                .contextEntries(entries(req.keys()));
        if (!req.resource().equals("*")) {
            b.resourceArns(req.resource());
        }
        if (p.boundary() != null) {
            b.permissionsBoundaryPolicyInputList(p.boundary().stream().map(cp -> cp.policy().text()).toList());
        }
        if (p.resource() != null) {
            b.resourcePolicy(p.resource().policy().text());
        }
        return b.build();
    }

    /** Each key as a string, or a stringList when the case gives an array (multivalued, possibly empty). */
    private static List<ContextEntry> entries(Map<String, ContextValue> keys) {
        List<ContextEntry> out = new ArrayList<>();
        keys.forEach((k, v) -> out.add(ContextEntry.builder().contextKeyName(k).contextKeyValues(v.values())
                .contextKeyType(v.multiValued() ? ContextKeyTypeEnum.STRING_LIST : ContextKeyTypeEnum.STRING)
                .build()));
        return out;
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
