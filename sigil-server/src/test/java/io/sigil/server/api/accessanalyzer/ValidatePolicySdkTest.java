package io.sigil.server.api.accessanalyzer;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessAnalyzerException;
import software.amazon.awssdk.services.accessanalyzer.model.AccessDeniedException;
import software.amazon.awssdk.services.accessanalyzer.model.Locale;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResourceType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationExceptionReason;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * ValidatePolicy through the AWS SDK's own Access Analyzer client (REST-JSON, signing name access-analyzer) against
 * a live server: findings with their type, issue code, details, learn-more link and locations; pagination; the
 * documented errors (ValidationException with reason and fieldList, AccessDeniedException).
 */
class ValidatePolicySdkTest {
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static AccessAnalyzerClient root;

    @BeforeAll
    static void start() {
        root = client(SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET, Region.US_WEST_2);
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    static AccessAnalyzerClient client(String keyId, String secret, Region region) {
        return AccessAnalyzerClient.builder()
                .endpointOverride(SIGIL.server().endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static final String PASS_ROLE_STAR = "{\n"
            + "  \"Version\": \"2012-10-17\",\n"
            + "  \"Statement\": [\n"
            + "    {\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"}\n"
            + "  ]\n"
            + "}";

    @Test
    void identityPolicy_passRoleOnStar_isASecurityWarningWithItsLocation() {
        ValidatePolicyResponse r = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                .policyDocument(PASS_ROLE_STAR));
        ValidatePolicyFinding f = r.findings().stream()
                .filter(x -> x.issueCode().equals("PASS_ROLE_WITH_STAR_IN_RESOURCE")).findFirst().orElseThrow();
        assertThat(f.findingType()).isEqualTo(ValidatePolicyFindingType.SECURITY_WARNING);
        assertThat(f.findingDetails()).contains("iam:PassRole");
        assertThat(f.learnMoreLink()).isEqualTo("https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                + "access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-"
                + "security-warning-pass-role-with-star-in-resource");
        Location loc = f.locations().get(0);
        assertThat(loc.path()).startsWith(PathElement.fromValue("Statement"), PathElement.fromIndex(0));
        // Positions: line from 1, column from 0, offset from 0; the span covers text that is in the document.
        int start = loc.span().start().offset();
        int end = loc.span().end().offset();
        assertThat(loc.span().start().line()).isEqualTo(4);
        assertThat(end).isGreaterThan(start);
        assertThat(PASS_ROLE_STAR.substring(start, end)).startsWith("{").contains("iam:PassRole");
        assertThat(loc.span().start().column()).isEqualTo(PASS_ROLE_STAR.split("\n")[3].indexOf('{'));
        assertThat(r.nextToken()).isNull();
    }

    @Test
    void invalidPolicy_givesErrorFindings_notAnException() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}";
        ValidatePolicyResponse r = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                .policyDocument(doc));
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.findingType()).isEqualTo(ValidatePolicyFindingType.ERROR);
            assertThat(f.issueCode()).isEqualTo("MISSING_ACTION");
            assertThat(f.locations()).isNotEmpty();
        });
    }

    @Test
    void jsonSyntaxError_isAnErrorFindingAtThePosition() {
        ValidatePolicyResponse r = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                .policyDocument("{\"Version\":\"2012-10-17\",\n \"Statement\": {"));
        ValidatePolicyFinding f = r.findings().get(0);
        assertThat(f.findingType()).isEqualTo(ValidatePolicyFindingType.ERROR);
        assertThat(f.issueCode()).isEqualTo("JSON_SYNTAX_ERROR");
        assertThat(f.locations().get(0).span().start().line()).isEqualTo(2);
    }

    @Test
    void conditionKeyFinding_pathEndsWithOperatorAndKey() {
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceIp\":\"10.0.0.1\"}}}]}";
        ValidatePolicyFinding f = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                .policyDocument(doc)).findings().stream().filter(x -> x.issueCode().equals("TYPE_MISMATCH"))
                .findFirst().orElseThrow();
        assertThat(f.locations().get(0).path()).containsExactly(PathElement.fromValue("Statement"),
                PathElement.fromIndex(0), PathElement.fromValue("Condition"), PathElement.fromValue("StringEquals"),
                PathElement.fromValue("aws:SourceIp"));
    }

    @Test
    void resourcePolicy_withTrustPolicyResourceType_isCheckedAsATrustPolicy() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
        ValidatePolicyResponse r = root.validatePolicy(b -> b.policyType(PolicyType.RESOURCE_POLICY)
                .validatePolicyResourceType(ValidatePolicyResourceType.AWS_IAM_ASSUME_ROLE_POLICY_DOCUMENT)
                .policyDocument(trust).locale(Locale.DE));
        assertThat(r.findings()).noneMatch(f -> f.findingType() == ValidatePolicyFindingType.ERROR);
    }

    @Test
    void serviceAndResourceControlPolicies_areAccepted() {
        String scp = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}";
        assertThat(root.validatePolicy(b -> b.policyType(PolicyType.SERVICE_CONTROL_POLICY).policyDocument(scp))
                .findings()).noneMatch(f -> f.findingType() == ValidatePolicyFindingType.ERROR);
        String rcp = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        assertThat(root.validatePolicy(b -> b.policyType(PolicyType.RESOURCE_CONTROL_POLICY).policyDocument(rcp))
                .findings()).noneMatch(f -> f.findingType() == ValidatePolicyFindingType.ERROR);
    }

    /** A policy with several findings: unknown actions and a missing Version. */
    private static final String MANY = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObjectt\","
            + "\"s3:PutObjectt\",\"s3:ListBuckett\"],\"Resource\":\"*\"}]}";

    @Test
    void maxResults_pagesTheFindings_andTheTokensWalkThemAll() {
        List<ValidatePolicyFinding> all = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                .policyDocument(MANY)).findings();
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        List<ValidatePolicyFinding> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ValidatePolicyResponse page = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY)
                    .policyDocument(MANY).maxResults(1).nextToken(t));
            assertThat(page.findings()).hasSize(1);
            paged.addAll(page.findings());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(all.size());
        assertThat(paged).isEqualTo(all);
        // The SDK's paginator walks the same pages.
        assertThat(root.validatePolicyPaginator(b -> b.policyType(PolicyType.IDENTITY_POLICY).policyDocument(MANY)
                .maxResults(2)).findings().stream().toList()).isEqualTo(all);
    }

    @Test
    void nextToken_fromAnotherPolicy_isAValidationException() {
        String token = root.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY).policyDocument(MANY)
                .maxResults(1)).nextToken();
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> root.validatePolicy(b -> b
                .policyType(PolicyType.IDENTITY_POLICY).policyDocument(PASS_ROLE_STAR).nextToken(token)));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("nextToken");
    }

    @Test
    void maxResultsZero_isRejectedWithTheFieldNamed() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> root.validatePolicy(b -> b
                .policyType(PolicyType.IDENTITY_POLICY).policyDocument(MANY).maxResults(0)));
        assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("maxResults");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '0' at "
                + "'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void missingRequiredMembers_areListedInFieldList() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> root.validatePolicy(b -> b.locale(Locale.EN)));
        assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
        assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("policyDocument", "policyType");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("2 validation errors detected: Value null at "
                + "'policyDocument' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void resourceType_withAnIdentityPolicy_isRejected() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> root.validatePolicy(b -> b
                .policyType(PolicyType.IDENTITY_POLICY).policyDocument(PASS_ROLE_STAR)
                .validatePolicyResourceType(ValidatePolicyResourceType.AWS_S3_BUCKET)));
        assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("validatePolicyResourceType");
    }

    @Test
    void unknownPolicyType_failsTheEnumConstraint() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> root.validatePolicy(b -> b
                .policyType("MANAGED_POLICY").policyDocument(PASS_ROLE_STAR)));
        assertThat(e.awsErrorDetails().errorMessage()).contains("Value 'MANAGED_POLICY' at 'policyType' failed to"
                + " satisfy constraint: Member must satisfy enum value set: [IDENTITY_POLICY, RESOURCE_POLICY, "
                + "SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY]");
    }

    @Test
    void userWithoutPermission_getsAccessDeniedException_namingTheAction() {
        SIGIL.root().createUser(b -> b.userName("aa-nobody"));
        var key = SIGIL.root().createAccessKey(b -> b.userName("aa-nobody")).accessKey();
        try (AccessAnalyzerClient c = client(key.accessKeyId(), key.secretAccessKey(), Region.EU_CENTRAL_1)) {
            AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> c.validatePolicy(b -> b
                    .policyType(PolicyType.IDENTITY_POLICY).policyDocument(PASS_ROLE_STAR)));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::"
                    + SigilTestServer.ACCOUNT_ID + ":user/aa-nobody is not authorized to perform: "
                    + "access-analyzer:ValidatePolicy on resource: * because no identity-based policy allows the "
                    + "access-analyzer:ValidatePolicy action");
        }
        SIGIL.root().putUserPolicy(b -> b.userName("aa-nobody").policyName("aa")
                .policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"access-analyzer:ValidatePolicy\","
                + "\"Resource\":\"*\"}]}"));
        try (AccessAnalyzerClient c = client(key.accessKeyId(), key.secretAccessKey(), Region.EU_CENTRAL_1)) {
            assertThat(c.validatePolicy(b -> b.policyType(PolicyType.IDENTITY_POLICY).policyDocument(PASS_ROLE_STAR))
                    .findings()).isNotEmpty();
        }
    }

    @Test
    void unknownAccessKey_isUnrecognizedClientException() {
        try (AccessAnalyzerClient c = client("AKIAUNKNOWNKEY000001", "x".repeat(40), Region.US_EAST_1)) {
            AccessAnalyzerException e = catchThrowableOfType(AccessAnalyzerException.class, () -> c.validatePolicy(b -> b
                    .policyType(PolicyType.IDENTITY_POLICY).policyDocument(PASS_ROLE_STAR)));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                    "The security token included in the request is invalid.");
        }
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken_inRestJsonShape() {
        HttpResponse<String> r = SIGIL.server().raw("POST", "/policy/validation", "application/json",
                "{\"policyType\":\"IDENTITY_POLICY\",\"policyDocument\":\"{}\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void bodyOverTheEdgeLimit_is413_inRestJsonShape() {
        int max = io.sigil.server.http.HttpLimits.DEFAULT_MAX_BODY_BYTES;
        HttpResponse<String> r = SIGIL.server().raw("POST", "/policy/validation", "application/json",
                "x".repeat(max + 1));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestEntityTooLargeException");
        assertThat(r.body()).startsWith("{\"message\":\"Request body exceeds the maximum of " + max + " bytes.\"");
    }

    @Test
    void validatePolicy_isAuditedAsAnAccessAnalyzerEvent() {
        root.validatePolicy(b -> b.policyType(PolicyType.SERVICE_CONTROL_POLICY).policyDocument(PASS_ROLE_STAR));
        String line = SIGIL.server().awaitAuditLine("\"policyType\":\"SERVICE_CONTROL_POLICY\"");
        assertThat(line).contains("\"eventSource\":\"access-analyzer.amazonaws.com\"")
                .contains("\"eventName\":\"ValidatePolicy\"").contains("\"awsRegion\":\"us-west-2\"");
    }
}
