package io.sigil.server.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sigil.policy.Decision;
import io.sigil.policy.NearMiss;
import io.sigil.policy.StatementRef;
import io.sigil.policy.conformance.CaseRunner;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * The JSON form of {@code sigil policy evaluate --json}:
 * <pre>
 * {"outcome": "IMPLICIT_DENY", "decidedBy": "IDENTITY", "reason": "because no identity-based policy allows ...",
 *  "statements": [{"policy": "identity[0]", "statement": 1, "sid": "X", "effect": "Deny"}],
 *  "nearMisses": [{"policy": "identity[0]", "statement": 0, "sid": null, "failure": "..."}],
 *  "expected": "ALLOW", "passed": false}
 * </pre>
 * {@code decidedBy} is a {@code PolicyType} name, null when no policy decided (an account root in its own
 * account); {@code reason} is AWS's AccessDenied wording, empty for an allow; {@code expected} and {@code passed}
 * appear only when the case has {@code expect}.
 */
final class DecisionJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DecisionJson() {}

    static void write(CaseRunner.Result result, PrintWriter out) throws IOException {
        Decision d = result.decision();
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("outcome", d.outcome().name());
            g.writeStringField("decidedBy", d.decidedBy() == null ? null : d.decidedBy().name());
            g.writeStringField("reason", d.awsReason(result.testCase().request().action()));
            g.writeArrayFieldStart("statements");
            for (StatementRef s : d.statements()) {
                g.writeStartObject();
                writeRef(g, s);
                g.writeStringField("effect", s.effect() == null ? null : s.effect().wire());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nearMisses");
            for (NearMiss m : d.nearMisses()) {
                g.writeStartObject();
                writeRef(g, m.statement());
                g.writeStringField("failure", m.failure());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (result.testCase().expect() != null) {
                g.writeStringField("expected", result.testCase().expect().name());
                g.writeBooleanField("passed", result.passed());
            }
            g.writeEndObject();
        }
        out.println();
    }

    private static void writeRef(JsonGenerator g, StatementRef s) throws IOException {
        g.writeStringField("policy", s.policyName());
        g.writeNumberField("statement", s.statementIndex());
        g.writeStringField("sid", s.sid());
    }
}
