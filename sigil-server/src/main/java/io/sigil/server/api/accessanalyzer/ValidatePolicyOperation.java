package io.sigil.server.api.accessanalyzer;

import io.sigil.policy.Finding;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;
import io.sigil.server.api.CallContext;
import io.sigil.server.http.HttpCall;
import io.sigil.server.protocol.FormParameters;
import io.sigil.server.rest.JsonTree;
import io.sigil.server.rest.RestJsonException;
import io.sigil.server.rest.RestOperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /policy/validation} (Access Analyzer API Reference, "ValidatePolicy"): {@code policyDocument} and
 * {@code policyType} required, {@code locale} and {@code validatePolicyResourceType} optional in the JSON body,
 * {@code maxResults} and {@code nextToken} in the query. Answers {@code {"findings": [...], "nextToken": ...}}.
 * Findings are in English whatever the locale (every listed locale is accepted).
 */
public final class ValidatePolicyOperation implements RestOperation {
    /** Findings per page when maxResults is absent (the API leaves it unspecified). */
    public static final int DEFAULT_MAX_RESULTS = 100;
    /** The smallest maxResults; a larger value than there are findings returns them all. */
    public static final int MIN_MAX_RESULTS = 1;

    static final List<String> POLICY_TYPES = List.of("IDENTITY_POLICY", "RESOURCE_POLICY", "SERVICE_CONTROL_POLICY",
            "RESOURCE_CONTROL_POLICY");
    static final List<String> LOCALES = List.of("DE", "EN", "ES", "FR", "IT", "JA", "KO", "PT_BR", "ZH_CN", "ZH_TW");
    static final List<String> RESOURCE_TYPES = List.of("AWS::S3::Bucket", "AWS::S3::AccessPoint",
            "AWS::S3::MultiRegionAccessPoint", "AWS::S3ObjectLambda::AccessPoint", "AWS::IAM::AssumeRolePolicyDocument",
            "AWS::DynamoDB::Table");
    /** Where the IAM User Guide's policy check reference lists each check, by finding type and issue code. */
    static final String LEARN_MORE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
            + "access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-";

    @Override
    public String name() {
        return "ValidatePolicy";
    }

    @Override
    public String signingName() {
        return "access-analyzer";
    }

    @Override
    public String action() {
        return "access-analyzer:ValidatePolicy";
    }

    /** The request after its members have been checked. */
    record Input(String document, String policyType, String locale, String resourceType, int maxResults,
                 int start) {}

    @Override
    public String handle(HttpCall call, CallContext ctx, AuditNote audit) {
        Input in = read(call);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("policyType", in.policyType());
        if (in.locale() != null) {
            params.put("locale", in.locale());
        }
        if (in.resourceType() != null) {
            params.put("validatePolicyResourceType", in.resourceType());
        }
        audit.requestParameters(params);
        ValidationReport report = validate(in);
        List<Finding> all = report.findings();
        int from = Math.min(in.start(), all.size());
        int to = (int) Math.min((long) from + in.maxResults(), all.size());
        List<Object> findings = new ArrayList<>();
        for (Finding f : all.subList(from, to)) {
            findings.add(finding(f, in.document()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("findings", findings);
        if (to < all.size()) {
            out.put("nextToken", PageToken.encode(to, in));
        }
        return JsonTree.write(out);
    }

    /**
     * The engine's checks for the type: identity policies as IAM checks inline ones (a missing Version is a
     * warning), resource policies as resource-based (a role trust policy for AWS::IAM::AssumeRolePolicyDocument),
     * SCPs and RCPs with AWS Organizations' rules.
     */
    static ValidationReport validate(Input in) {
        switch (in.policyType()) {
            case "IDENTITY_POLICY":
                return PolicyValidator.validateInline(in.document(), PolicyType.IDENTITY);
            case "SERVICE_CONTROL_POLICY":
                return PolicyValidator.validate(in.document(), PolicyType.SCP);
            case "RESOURCE_CONTROL_POLICY":
                return PolicyValidator.validate(in.document(), PolicyType.RCP);
            default:
                return PolicyValidator.validateInline(in.document(),
                        "AWS::IAM::AssumeRolePolicyDocument".equals(in.resourceType()) ? PolicyType.TRUST
                                : PolicyType.RESOURCE);
        }
    }

    static Map<String, Object> finding(Finding f, String document) {
        Map<String, Object> m = new LinkedHashMap<>();
        // For errors the engine keeps IAM's terse MalformedPolicyDocument text as message and Access Analyzer's
        // explanation as detail; Access Analyzer shows the explanation.
        m.put("findingDetails", f.isError() && f.detail() != null ? f.detail() : f.message());
        m.put("findingType", f.severity().name());
        m.put("issueCode", f.code());
        m.put("learnMoreLink", learnMoreLink(f));
        m.put("locations", FindingLocations.of(f, document));
        return m;
    }

    /** e.g. ...#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource */
    static String learnMoreLink(Finding f) {
        return LEARN_MORE + slug(f.severity().name()) + "-" + slug(f.code());
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads and checks the members; every failing member is named, as AWS lists them in fieldList. */
    static Input read(HttpCall call) {
        Object parsed;
        try {
            parsed = JsonTree.parse(call.body());
        } catch (JsonTree.Malformed e) {
            throw RestJsonException.validation(e.getMessage(), "cannotParse", null);
        }
        if (!(parsed instanceof Map<?, ?> body)) {
            throw RestJsonException.validation("The request body must be a JSON object.", "cannotParse", null);
        }
        List<RestJsonException.Field> problems = new ArrayList<>();
        String document = string(body, "policyDocument", problems);
        String type = string(body, "policyType", problems);
        String locale = string(body, "locale", problems);
        String resourceType = string(body, "validatePolicyResourceType", problems);
        if (document == null && body.get("policyDocument") == null) {
            problems.add(new RestJsonException.Field("policyDocument",
                    "Value null at 'policyDocument' failed to satisfy constraint: Member must not be null"));
        }
        if (type == null && body.get("policyType") == null) {
            problems.add(new RestJsonException.Field("policyType",
                    "Value null at 'policyType' failed to satisfy constraint: Member must not be null"));
        }
        oneOf("policyType", type, POLICY_TYPES, problems);
        oneOf("locale", locale, LOCALES, problems);
        oneOf("validatePolicyResourceType", resourceType, RESOURCE_TYPES, problems);
        Map<String, List<String>> query = FormParameters.parse(call.rawQuery());
        int maxResults = maxResults(query, problems);
        if (!problems.isEmpty()) {
            throw RestJsonException.fieldValidation(problems);
        }
        // "Specify a value for the policy validation resource type only if the policy type is RESOURCE_POLICY."
        if (resourceType != null && !"RESOURCE_POLICY".equals(type)) {
            throw RestJsonException.fieldValidation(List.of(new RestJsonException.Field("validatePolicyResourceType",
                    "Value '" + resourceType + "' at 'validatePolicyResourceType' failed to satisfy constraint: "
                            + "Member may be specified only when policyType is RESOURCE_POLICY")));
        }
        Input draft = new Input(document, type, locale, resourceType, maxResults, 0);
        List<String> token = query.get("nextToken");
        int start = token == null || token.isEmpty() ? 0 : PageToken.decode(token.get(0), draft);
        return new Input(document, type, locale, resourceType, maxResults, start);
    }

    private static String string(Map<?, ?> body, String member, List<RestJsonException.Field> problems) {
        Object v = body.get(member);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add(new RestJsonException.Field(member, "Value at '" + member
                + "' failed to satisfy constraint: Member must be a string"));
        return null;
    }

    private static void oneOf(String member, String value, List<String> allowed,
                              List<RestJsonException.Field> problems) {
        if (value != null && !allowed.contains(value)) {
            problems.add(new RestJsonException.Field(member, "Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: ["
                    + String.join(", ", allowed) + "]"));
        }
    }

    private static int maxResults(Map<String, List<String>> query, List<RestJsonException.Field> problems) {
        List<String> v = query.get("maxResults");
        if (v == null || v.isEmpty()) {
            return DEFAULT_MAX_RESULTS;
        }
        String text = v.get(0);
        try {
            int n = Integer.parseInt(text.trim());
            if (n < MIN_MAX_RESULTS) {
                problems.add(new RestJsonException.Field("maxResults", "Value '" + n
                        + "' at 'maxResults' failed to satisfy constraint: Member must have value greater than or"
                        + " equal to " + MIN_MAX_RESULTS));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new RestJsonException.Field("maxResults", "Value '" + text
                    + "' at 'maxResults' failed to satisfy constraint: Member must be an integer"));
            return DEFAULT_MAX_RESULTS;
        }
    }
}
