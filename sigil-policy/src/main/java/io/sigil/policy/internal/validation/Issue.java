package io.sigil.policy.internal.validation;

import io.sigil.policy.Severity;

import static io.sigil.policy.Severity.ERROR;
import static io.sigil.policy.Severity.SECURITY_WARNING;
import static io.sigil.policy.Severity.SUGGESTION;
import static io.sigil.policy.Severity.WARNING;

/**
 * Every finding the validator can report. Errors carry IAM's exact {@code MalformedPolicyDocument} message
 * (sources: live AWS responses quoted in public issue trackers, and moto's IAM policy validator, whose test corpus
 * was recorded against AWS) and, as detail, Access Analyzer's explanation. Other findings carry Access Analyzer's
 * {@code findingDetails} (IAM User Guide, "Access Analyzer policy check reference") and its issue code, or a Sigil
 * code where Access Analyzer has none. Access Analyzer calls some findings "errors" that IAM nevertheless accepts
 * (unknown actions, unknown condition keys, variables in the wrong place): Sigil reports those as warnings, because
 * an error here means the document is rejected. Templates take positional arguments.
 */
public enum Issue {
    // ---- rejected by the API (ValidationError before MalformedPolicyDocument): IAM API Reference, policyDocumentType
    INVALID_CHARACTER("INVALID_CHARACTER", ERROR, Stage.CHARACTERS,
            "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
            "The character %1$s is outside TAB, LF, CR and U+0020 to U+00FF, the only characters a policy may hold."),

    // ---- MalformedPolicyDocument: "Syntax errors in policy."
    JSON_SYNTAX_ERROR("JSON_SYNTAX_ERROR", ERROR, Stage.SYNTAX, Messages.SYNTAX, "%1$s"),
    /** A role trust policy that is no JSON: IAM's own words for it (CreateRole, UpdateAssumeRolePolicy; 2026). */
    TRUST_JSON_SYNTAX_ERROR("JSON_SYNTAX_ERROR", ERROR, Stage.SYNTAX, "This policy contains invalid Json", "%1$s"),
    INVALID_POLICY_ELEMENT("INVALID_POLICY_ELEMENT", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The policy element %1$s is not valid."),
    DUPLICATE_ELEMENT("DUPLICATE_ELEMENT", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The element %1$s appears more than once. IAM rejects new or edited policies with a duplicated element."),
    INVALID_VERSION("INVALID_VERSION", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The version %1$s is not valid. Use one of the following versions: 2012-10-17, 2008-10-17"),
    DATA_TYPE_MISMATCH("DATA_TYPE_MISMATCH", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The text does not match the expected JSON data type %1$s."),
    MISSING_STATEMENT("MISSING_STATEMENT", ERROR, Stage.SYNTAX, Messages.SYNTAX, "Add a statement to the policy"),
    MISSING_EFFECT("MISSING_EFFECT", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "Add an Effect element to the policy statement with a value of Allow or Deny."),
    INVALID_EFFECT("INVALID_EFFECT", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The effect %1$s is not valid. Use Allow or Deny."),
    UNSUPPORTED_ELEMENT_COMBINATION("UNSUPPORTED_ELEMENT_COMBINATION", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The policy elements %1$s and %2$s can not be used in the same statement. Remove one of these elements."),
    INVALID_CONDITION_OPERATOR("INVALID_CONDITION_OPERATOR", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The condition operator %1$s is not valid. Use a valid condition operator."),
    NULL_WITH_IF_EXISTS("NULL_WITH_IF_EXISTS", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The Null condition operator cannot be used with the IfExists suffix. Update the operator or the suffix."),
    INVALID_PRINCIPAL_FORMAT("INVALID_PRINCIPAL_FORMAT", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The Principal element contents are not valid. Specify a key-value pair in the Principal element."),
    INVALID_PRINCIPAL_KEY("INVALID_PRINCIPAL_KEY", ERROR, Stage.SYNTAX, Messages.SYNTAX,
            "The principal key %1$s is not valid. Use AWS, CanonicalUser, Federated or Service."),

    // ---- MalformedPolicyDocument: other IAM messages, in IAM's checking order
    VERSION_2012_REQUIRED("INVALID_VERSION", ERROR, Stage.VERSION,
            "Policy document must be version 2012-10-17 or greater.",
            "Managed policies, service control policies and resource control policies must set "
                    + "\"Version\": \"2012-10-17\"."),
    UNSUPPORTED_PRINCIPAL("UNSUPPORTED_PRINCIPAL", ERROR, Stage.PRINCIPAL_PLACEMENT,
            "Policy document should not specify a principal.",
            "The policy type does not support the %1$s element. Remove the %1$s element."),
    INVALID_EFFECT_CASE("INVALID_EFFECT", ERROR, Stage.LEGACY, Messages.LEGACY,
            "The effect %1$s is not valid. Use Allow or Deny, capitalised as written here."),
    LEGACY_DATE("TYPE_MISMATCH_DATE", ERROR, Stage.LEGACY, Messages.LEGACY,
            "The date condition operator is used with an invalid value %1$s. Specify a valid date using "
                    + "YYYY-MM-DD or other ISO 8601 date/time format."),
    LEGACY_RESOURCE("MISSING_ARN_FIELD", ERROR, Stage.LEGACY, Messages.LEGACY,
            "Resource ARNs must include at least fields in the following structure: "
                    + "arn:partition:service:region:account:resource"),
    UNIQUE_SIDS_REQUIRED("UNIQUE_SIDS_REQUIRED", ERROR, Stage.SID,
            "Statement IDs (SID) in a single policy must be unique.",
            "Duplicate statement IDs are not supported for this policy type. Update the Sid value."),
    UNSUPPORTED_SID("UNSUPPORTED_SID", ERROR, Stage.SID,
            "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression "
                    + "[0-9A-Za-z]*",
            "Update the characters in the Sid element to use one of the following character types: [a-z, A-Z, 0-9]"),
    MISSING_ACTION("MISSING_ACTION", ERROR, Stage.ACTIONS, "Policy statement must contain actions.",
            "Add an Action or NotAction element to the policy statement."),
    EMPTY_ACTION("EMPTY_ARRAY_ACTION", ERROR, Stage.ACTIONS, "Policy statement must contain actions.",
            "This statement includes no actions and does not affect the policy. Specify actions."),
    MISSING_RESOURCE("MISSING_RESOURCE", ERROR, Stage.RESOURCES, "Policy statement must contain resources.",
            "Add a Resource or NotResource element to the policy statement."),
    EMPTY_RESOURCE("EMPTY_ARRAY_RESOURCE", ERROR, Stage.RESOURCES, "Policy statement must contain resources.",
            "This statement includes no resources and does not affect the policy. Specify resources."),
    // IAM's words today (CreateRole and UpdateAssumeRolePolicy answers recorded in 2026, LocalStack's
    // AWS-validated snapshots); older answers said "Trust Policy statement actions can only be sts:AssumeRole, ...".
    TRUST_POLICY_ACTION("INVALID_ACTION", ERROR, Stage.TRUST_ACTION,
            "AssumeRole policy may only specify STS AssumeRole actions.",
            "The action %1$s is not an AWS STS action a role trust policy can allow."),
    PROHIBITED_FIELD("UNSUPPORTED_ELEMENT", ERROR, Stage.TRUST_RESOURCE, "Has prohibited field %1$s",
            "A role trust policy cannot use the %1$s element: the role itself is the resource."),
    RESOURCE_NOT_ARN("INVALID_ARN_PREFIX", ERROR, Stage.RESOURCE_FORMAT,
            "Resource %1$s must be in ARN format or \"*\".", "Add the required prefix (arn) to the resource ARN."),
    INVALID_PARTITION("INVALID_PARTITION", ERROR, Stage.RESOURCE_FORMAT,
            "Partition \"%1$s\" is not valid for resource \"%2$s\".",
            "The resource ARN for the service does not support the partition. Use the supported values: aws"),
    RESOURCE_VENDOR("MISSING_ARN_FIELD", ERROR, Stage.RESOURCE_FORMAT,
            "Resource vendor must be fully qualified and cannot contain regexes.",
            "Resource ARNs must include at least fields in the following structure: "
                    + "arn:partition:service:region:account:resource"),
    IAM_RESOURCE_REGION("ARN_REGION_NOT_ALLOWED", ERROR, Stage.RESOURCE_FORMAT,
            "IAM resource %1$s cannot contain region information.",
            "The service iam does not support specifying a Region in the resource ARN."),
    S3_RESOURCE_REGION("ARN_REGION_NOT_ALLOWED", ERROR, Stage.RESOURCE_FORMAT,
            "Resource %1$s can not contain region information.",
            "The service s3 does not support specifying a Region in the resource ARN."),
    IAM_RESOURCE_PATH("INVALID_ARN_RESOURCE", ERROR, Stage.RESOURCE_FORMAT,
            "IAM resource path must either be \"*\", root, or start with user/, federated-user/, role/, group/, "
                    + "instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, "
                    + "oidc-provider/, report/, access-report/.",
            "Resource ARN does not match the expected ARN format. Update the resource portion of the ARN."),
    ACTION_WITHOUT_VENDOR("INVALID_ACTION", ERROR, Stage.ACTION_FORMAT,
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
            "The action %1$s has no service prefix. Write it as service:ActionName, or \"*\" alone."),
    ACTION_COLONS("INVALID_ACTION", ERROR, Stage.ACTION_FORMAT, "Actions/Condition can contain only one colon.",
            "The action %1$s has more than one colon."),
    VENDOR_WILDCARD("INVALID_SERVICE_IN_ACTION", ERROR, Stage.ACTION_FORMAT,
            "Action vendors (e.g., aws, ec2, etc.) must not contain wildcards",
            "The service prefix of %1$s contains a wildcard; wildcards may appear only in the action name."),
    VENDOR_INVALID("INVALID_SERVICE_IN_ACTION", ERROR, Stage.ACTION_FORMAT, "Vendor %1$s is not valid",
            "A service prefix may hold only letters, digits, '-' and '.'."),
    INVALID_PRINCIPAL("INVALID_PRINCIPAL_FORMAT", ERROR, Stage.PRINCIPAL_FORMAT,
            "Invalid principal in policy: \"%1$s\":\"%2$s\"",
            "The principal %2$s is not a valid %3$s principal."),
    UNSUPPORTED_WILDCARD_IN_PRINCIPAL("UNSUPPORTED_WILDCARD_IN_PRINCIPAL", ERROR, Stage.PRINCIPAL_FORMAT,
            "Invalid principal in policy: \"%1$s\":\"%2$s\"",
            "Wildcards (*, ?) are not supported with the principal key %1$s. Replace the wildcard with a valid "
                    + "principal value."),
    MISSING_PRINCIPAL_TRUST("MISSING_PRINCIPAL", ERROR, Stage.PRINCIPAL_FORMAT,
            "Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has "
                    + "a statement with no principals!",
            "Add a Principal element to the policy statement."),
    MISSING_PRINCIPAL("MISSING_PRINCIPAL", ERROR, Stage.PRINCIPAL_FORMAT, "Missing required field Principal",
            "Add a Principal element to the policy statement."),

    // ---- AWS Organizations: MalformedPolicyDocumentException, one message for every violation
    SCP_SYNTAX_ERROR_PRINCIPAL("SCP_SYNTAX_ERROR_PRINCIPAL", ERROR, Stage.TYPE_RULES, Messages.ORGANIZATIONS,
            "SCPs do not support specifying principals. Remove the Principal or NotPrincipal element."),
    RCP_ALLOW("RCP_SYNTAX_ERROR_ALLOW", ERROR, Stage.TYPE_RULES, Messages.ORGANIZATIONS,
            "RCPs support only the effect Deny (Allow is reserved for the RCPFullAWSAccess policy)."),
    RCP_PRINCIPAL("RCP_SYNTAX_ERROR_PRINCIPAL", ERROR, Stage.TYPE_RULES, Messages.ORGANIZATIONS,
            "RCPs support only \"Principal\": \"*\"; restrict principals with conditions instead."),
    RCP_NOT_PRINCIPAL("RCP_SYNTAX_ERROR_NOT_PRINCIPAL", ERROR, Stage.TYPE_RULES, Messages.ORGANIZATIONS,
            "RCPs do not support the NotPrincipal element."),
    RCP_NOT_ACTION("RCP_SYNTAX_ERROR_NOT_ACTION", ERROR, Stage.TYPE_RULES, Messages.ORGANIZATIONS,
            "RCPs do not support the NotAction element."),
    RCP_UNSUPPORTED_SERVICE("RCP_UNSUPPORTED_SERVICE", ERROR, Stage.TYPE_RULES, Messages.ORGANIZATIONS,
            "The action %1$s belongs to a service that RCPs do not support, or names all services."),
    POLICY_SIZE_EXCEEDS_SCP_QUOTA("POLICY_SIZE_EXCEEDS_SCP_QUOTA", ERROR, Stage.TYPE_RULES,
            "The characters in the service control policy (SCP) exceed the character maximum for SCPs. We "
                    + "recommend that you use multiple granular policies.",
            "The policy has %1$s characters; the maximum is %2$s."),

    // ---- security warnings
    ALLOW_WITH_NOT_PRINCIPAL("ALLOW_WITH_NOT_PRINCIPAL", SECURITY_WARNING,
            "Using Allow with NotPrincipal can be overly permissive. We recommend that you use Principal instead."),
    PASS_ROLE_WITH_STAR_IN_RESOURCE("PASS_ROLE_WITH_STAR_IN_RESOURCE", SECURITY_WARNING,
            "Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it "
                    + "allows iam:PassRole permissions on multiple resources. We recommend that you specify resource "
                    + "ARNs or add the iam:PassedToService condition key to your statement."),
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE("PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE", SECURITY_WARNING,
            "Using wildcards (*) in the action and the resource can be overly permissive because it allows "
                    + "iam:PassRole permissions on all resources. We recommend that you specify resource ARNs or add "
                    + "the iam:PassedToService condition key to your statement."),
    PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION("PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION", SECURITY_WARNING,
            "Using a resource with wildcards (*) and NotAction can be overly permissive because it allows "
                    + "iam:PassRole permissions on all resources. We recommend that you specify resource ARNs or add "
                    + "the iam:PassedToService condition key to your statement."),
    PASS_ROLE_WITH_NOT_RESOURCE("PASS_ROLE_WITH_NOT_RESOURCE", SECURITY_WARNING,
            "Using the iam:PassRole action with NotResource can be overly permissive because it can allow "
                    + "iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs "
                    + "instead."),
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE("PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE", SECURITY_WARNING,
            "Using an action with a wildcard (*) and NotResource can be overly permissive because it can allow "
                    + "iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs "
                    + "instead."),
    PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE("PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE", SECURITY_WARNING,
            "Using NotAction with NotResource can be overly permissive because it can allow iam:PassRole "
                    + "permissions on multiple resources.. We recommend that you specify resource ARNs instead."),
    FORALLVALUES_WITH_SINGLE_VALUED_KEY("FORALLVALUES_WITH_SINGLE_VALUED_KEY", SECURITY_WARNING,
            "Using ForAllValues qualifier with the single-valued condition key %1$s can be overly permissive. We "
                    + "recommend that you remove ForAllValues:."),
    ALLOW_WITH_FOR_ALL_VALUES("ALLOW_WITH_FOR_ALL_VALUES", SECURITY_WARNING,
            "ForAllValues with Allow matches when the key %1$s is missing from the request or empty, so the "
                    + "statement allows requests that carry no %1$s at all. Add a Null condition with the value "
                    + "false for %1$s, or use ForAnyValue."),
    MISSING_PAIRED_CONDITION_KEYS("MISSING_PAIRED_CONDITION_KEYS", SECURITY_WARNING,
            "Using the condition key %1$s can be overly permissive without also using the following condition "
                    + "keys: %2$s. Condition keys like this one are more secure when paired with a related key. We "
                    + "recommend that you add the related condition keys to the same condition block."),

    // ---- warnings (Access Analyzer "general warnings", and Access Analyzer errors that IAM accepts)
    MISSING_VERSION("MISSING_VERSION", WARNING,
            "We recommend that you specify the Version element to help you with debugging permission issues."),
    INVALID_ACTION("INVALID_ACTION", WARNING, "The action %1$s does not exist."),
    INVALID_SERVICE_IN_ACTION("INVALID_SERVICE_IN_ACTION", WARNING,
            "The service %1$s specified in the action does not exist."),
    INVALID_GLOBAL_CONDITION_KEY("INVALID_GLOBAL_CONDITION_KEY", WARNING,
            "The condition key %1$s does not exist. Use a valid condition key."),
    INVALID_SERVICE_CONDITION_KEY("INVALID_SERVICE_CONDITION_KEY", WARNING,
            "The condition key %1$s does not exist in the service %2$s. Use a valid condition key."),
    INVALID_SERVICE("INVALID_SERVICE", WARNING, "The service %1$s does not exist. Use a valid service name."),
    INVALID_CONDITION_KEY_FORMAT("INVALID_CONDITION_KEY_FORMAT", WARNING,
            "The condition key format is not valid. Use the format service:keyname."),
    MISSING_TAG_KEY_IN_CONDITION("MISSING_TAG_KEY_IN_CONDITION", WARNING,
            "The condition key %1$s must include a tag key to control access based on tags. Use the format "
                    + "%1$stag-key and specify a key name for tag-key."),
    DEPRECATED_GLOBAL_CONDITION_KEY("DEPRECATED_GLOBAL_CONDITION_KEY", WARNING,
            "We recommend that you update aws:ARN to use the newer condition keys aws:PrincipalArn or "
                    + "aws:SourceArn."),
    DUPLICATE_KEYS_WITH_DIFFERENT_CASE("DUPLICATE_KEYS_WITH_DIFFERENT_CASE", WARNING,
            "The condition key %1$s appears more than once with different capitalization in the same condition "
                    + "block. Remove the duplicate condition keys."),
    TYPE_MISMATCH("TYPE_MISMATCH", WARNING,
            "Use the operator type %1$s instead of operator %2$s for the condition key %3$s."),
    TYPE_MISMATCH_BOOLEAN("TYPE_MISMATCH_BOOLEAN", WARNING,
            "Add a valid Boolean value (true or false) for the condition operator %1$s."),
    TYPE_MISMATCH_DATE("TYPE_MISMATCH_DATE", WARNING,
            "The date condition operator is used with an invalid value %1$s. Specify a valid date using "
                    + "YYYY-MM-DD or other ISO 8601 date/time format."),
    TYPE_MISMATCH_IP_RANGE("TYPE_MISMATCH_IP_RANGE", WARNING,
            "The condition operator %1$s is used with an invalid IP range value %2$s. Specify the IP range in "
                    + "standard CIDR format."),
    TYPE_MISMATCH_NUMBER("TYPE_MISMATCH_NUMBER", WARNING,
            "Add a valid numeric value for the condition operator %1$s."),
    TYPE_MISMATCH_STRING("TYPE_MISMATCH_STRING", WARNING,
            "Add a valid base64-encoded string value for the condition operator %1$s."),
    INVALID_DATE_VALUE("INVALID_DATE_VALUE", WARNING,
            "The date %1$s might not resolve as expected. We recommend that you use the YYYY-MM-DD format."),
    INVALID_CONDITION_MULTIPLE_BOOLEAN("INVALID_CONDITION_MULTIPLE_BOOLEAN", WARNING,
            "The condition key %1$s does not support multiple Boolean values. Use a single Boolean value."),
    MISSING_QUALIFIER("MISSING_QUALIFIER", WARNING,
            "The request context key %1$s has multiple values. Use the ForAllValues or ForAnyValue condition key "
                    + "qualifiers in your policy."),
    INVALID_VARIABLE_FOR_OPERATOR("INVALID_VARIABLE_FOR_OPERATOR", WARNING,
            "Policy variables can only be used with String and ARN operators."),
    VARIABLE_UNSUPPORTED_IN_ELEMENT("VARIABLE_UNSUPPORTED_IN_ELEMENT", WARNING,
            "Policy variables are supported in the Resource and Condition elements. Remove the policy variable "
                    + "%1$s from this element."),
    VARIABLE_UNSUPPORTED_IN_VERSION("VARIABLE_UNSUPPORTED_IN_VERSION", WARNING,
            "To include variables in your policy, use the policy version 2012-10-17 or later. Without it, %1$s is "
                    + "literal text."),
    MISSING_BRACE_IN_VARIABLE("MISSING_BRACE_IN_VARIABLE", WARNING,
            "The policy variable is missing a closing curly brace. Add } after the variable text."),
    EMPTY_VARIABLE("EMPTY_VARIABLE", WARNING,
            "Empty policy variable. Remove the variable structure or provide a variable within the structure."),
    UNSUPPORTED_SPACE_IN_VARIABLE("UNSUPPORTED_SPACE_IN_VARIABLE", WARNING,
            "A space is not supported within the policy variable text. Remove the space."),
    PRIVATE_IP_ADDRESS("PRIVATE_IP_ADDRESS", WARNING,
            "aws:SourceIp works only for public IP address ranges. The values for condition key aws:SourceIp "
                    + "include only private IP addresses and will not have the desired effect. Update the value to "
                    + "include only public IP addresses."),
    PRIVATE_NOT_IP_ADDRESS("PRIVATE_NOT_IP_ADDRESS", WARNING,
            "The values for condition key aws:SourceIp include only private IP addresses and has no effect. "
                    + "aws:SourceIp works only for public IP address ranges. Update the value to include only public "
                    + "IP addresses."),
    WILDCARD_WITHOUT_LIKE_OPERATOR("WILDCARD_WITHOUT_LIKE_OPERATOR", WARNING,
            "Your condition value includes a * or ? character. If you meant to use a wildcard (*, ?), update the "
                    + "condition operator to include Like."),
    UNIQUE_SIDS_RECOMMENDED("UNIQUE_SIDS_RECOMMENDED", WARNING,
            "We recommend that you use statement IDs that are unique to your policy. Update the Sid value."),
    INVALID_ROLE_REFERENCE("INVALID_ROLE_REFERENCE", WARNING,
            "The Principal element includes the IAM role ID %1$s. We recommend that you use a role ARN instead."),
    INVALID_USER_REFERENCE("INVALID_USER_REFERENCE", WARNING,
            "The Principal element includes the IAM user ID %1$s. We recommend that you use a user ARN instead."),
    ALLOW_WITH_NOT_ACTION("ALLOW_WITH_NOT_ACTION", WARNING,
            "Using Allow with NotAction allows every action not listed, including actions added to AWS later. "
                    + "We recommend that you list the allowed actions in Action instead."),
    ALLOW_WITH_NOT_RESOURCE("ALLOW_WITH_NOT_RESOURCE", WARNING,
            "Using Allow with NotResource allows every resource not listed, in every service the actions reach. "
                    + "We recommend that you list the allowed resources in Resource instead."),
    CREATE_SLR_WITH_STAR_IN_RESOURCE("CREATE_SLR_WITH_STAR_IN_RESOURCE", WARNING,
            "Using the iam:CreateServiceLinkedRole action with wildcards (*) in the resource can allow creation of "
                    + "unintended service-linked roles. We recommend that you specify resource ARNs instead."),
    CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE("CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE", WARNING,
            "Using wildcards (*) in the action and the resource can allow creation of unintended service-linked "
                    + "roles because it allows iam:CreateServiceLinkedRole permissions on all resources. We recommend "
                    + "that you specify resource ARNs instead."),
    POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA("POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA", WARNING,
            "The characters in the identity policy, excluding whitespace, exceed the character maximum for inline "
                    + "and managed policies. We recommend that you use multiple granular policies."),
    ID_IN_IDENTITY_POLICY("ID_IN_IDENTITY_POLICY", SUGGESTION,
            "The Id element is meant for resource-based policies; identity-based policies should not include it."),

    // ---- suggestions
    EMPTY_ARRAY_ACTION("EMPTY_ARRAY_ACTION", SUGGESTION,
            "This statement includes no actions and does not affect the policy. Specify actions."),
    EMPTY_ARRAY_RESOURCE("EMPTY_ARRAY_RESOURCE", SUGGESTION,
            "This statement includes no resources and does not affect the policy. Specify resources."),
    EMPTY_ARRAY_PRINCIPAL("EMPTY_ARRAY_PRINCIPAL", SUGGESTION,
            "This statement includes no principals and does not affect the policy. Specify principals."),
    EMPTY_OBJECT_PRINCIPAL("EMPTY_OBJECT_PRINCIPAL", SUGGESTION,
            "This statement includes no principals and does not affect the policy. Specify principals."),
    EMPTY_ARRAY_CONDITION("EMPTY_ARRAY_CONDITION", SUGGESTION,
            "There are no values for the condition key %1$s and it does not affect the policy. Specify conditions."),
    EMPTY_ARRAY_CONDITION_FORALLVALUES("EMPTY_ARRAY_CONDITION_FORALLVALUES", SUGGESTION,
            "The ForAllValues prefix with an empty condition key matches only if the key is missing from the "
                    + "request context. To determine if the request context is empty, we recommend that you use the "
                    + "Null condition operator with the value of true instead."),
    EMPTY_ARRAY_CONDITION_FORANYVALUE("EMPTY_ARRAY_CONDITION_FORANYVALUE", SUGGESTION,
            "The ForAnyValue prefix with an empty condition key never matches the request context and it does not "
                    + "affect the policy. Specify conditions."),
    EMPTY_ARRAY_CONDITION_IFEXISTS("EMPTY_ARRAY_CONDITION_IFEXISTS", SUGGESTION,
            "The IfExists suffix with an empty condition key matches only if the key is missing from the request "
                    + "context. To determine if the request context is empty, we recommend that you use the Null "
                    + "condition operator with the value of true instead."),
    EMPTY_OBJECT_CONDITION("EMPTY_OBJECT_CONDITION", SUGGESTION,
            "This condition block is empty and it does not affect the policy. Specify conditions."),
    EMPTY_SID_VALUE("EMPTY_SID_VALUE", SUGGESTION, "Add a value to the empty string in the Sid element."),
    IMPROVE_IP_RANGE("IMPROVE_IP_RANGE", SUGGESTION,
            "The non-zero bits in the IP address after the masked bits are ignored. Replace address %1$s with %2$s."),
    NULL_WITH_QUALIFIER("NULL_WITH_QUALIFIER", SUGGESTION,
            "Avoid using the Null condition operator with the ForAllValues or ForAnyValue qualifiers because they "
                    + "always return a true or false respectively."),
    PRIVATE_IP_ADDRESS_SUBSET("PRIVATE_IP_ADDRESS_SUBSET", SUGGESTION,
            "The values for condition key aws:SourceIp include a mix of private and public IP addresses. The "
                    + "private addresses will not have the desired effect. aws:SourceIp works only for public IP "
                    + "address ranges. To define permissions for private IP ranges, use aws:VpcSourceIp."),
    PRIVATE_NOT_IP_ADDRESS_SUBSET("PRIVATE_NOT_IP_ADDRESS_SUBSET", SUGGESTION,
            "The values for condition key aws:SourceIp include a mix of private and public IP addresses. The "
                    + "private addresses have no effect. aws:SourceIp works only for public IP address ranges. To "
                    + "define permissions for private IP ranges, use aws:VpcSourceIp."),
    REDUNDANT_ACTION("REDUNDANT_ACTION", SUGGESTION,
            "The action(s) are redundant because they provide similar permissions. Update the policy to remove "
                    + "the redundant action such as: %1$s."),
    REDUNDANT_RESOURCE("REDUNDANT_RESOURCE", SUGGESTION,
            "The resource ARN(s) are redundant because they reference the same resource. Review the use of "
                    + "wildcards (*): %1$s"),
    REDUNDANT_STATEMENT("REDUNDANT_STATEMENT", SUGGESTION,
            "The statements are redundant because they provide identical permissions. Update the policy to remove "
                    + "the redundant statement."),
    REDUNDANT_CONDITION_VALUE_NUM("REDUNDANT_CONDITION_VALUE_NUM", SUGGESTION,
            "Multiple values in %1$s are redundant. Replace with the %2$s single value for %3$s."),
    WILDCARD_IN_SERVICE_NAME("WILDCARD_IN_SERVICE_NAME", SUGGESTION,
            "Avoid using wildcards (*, ?) in the service name because it might grant unintended access to other "
                    + "AWS services with similar names."),
    IF_EXISTS_ON_ALWAYS_PRESENT_KEY("IF_EXISTS_ON_ALWAYS_PRESENT_KEY", SUGGESTION,
            "The condition key %1$s is present in every request, so IfExists has no effect. Remove the IfExists "
                    + "suffix.");

    private final String code;
    private final Severity severity;
    private final Stage stage;
    private final String message;
    private final String detail;

    Issue(String code, Severity severity, Stage stage, String message, String detail) {
        this.code = code;
        this.severity = severity;
        this.stage = stage;
        this.message = message;
        this.detail = detail;
    }

    Issue(String code, Severity severity, String message) {
        this(code, severity, Stage.NONE, message, null);
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    Stage stage() {
        return stage;
    }

    /** The message with its arguments filled in. */
    public String message(Object... args) {
        return String.format(java.util.Locale.ROOT, message, args);
    }

    /** The detail with its arguments filled in, or null. */
    public String detail(Object... args) {
        return detail == null ? null : String.format(java.util.Locale.ROOT, detail, args);
    }

    /** IAM's and AWS Organizations' fixed texts. */
    static final class Messages {
        static final String SYNTAX = "Syntax errors in policy.";
        static final String LEGACY = "The policy failed legacy parsing";
        static final String ORGANIZATIONS =
                "The provided policy document does not meet the requirements of the specified policy type.";

        private Messages() {}
    }
}
