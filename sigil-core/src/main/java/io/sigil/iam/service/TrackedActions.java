package io.sigil.iam.service;

import java.util.Locale;
import java.util.Set;

/**
 * Which actions last accessed data reports one by one (IAM User Guide, "IAM action last accessed information
 * services and actions"; AWS Security Blog, "Review last accessed information to identify unused EC2, IAM, and
 * Lambda permissions", 2023): action-level information covers the management actions of Amazon S3 (since 2020),
 * Amazon EC2, IAM and AWS Lambda. Management actions are those CloudTrail logs as management events; data events
 * (S3 object-level operations, Lambda invocations) are not reported per action. Other services are reported at
 * service level only. AWS adds services to the list over time; this is the set of the User Guide's original
 * announcement.
 */
final class TrackedActions {

    private static final Set<String> SERVICES = Set.of("s3", "ec2", "iam", "lambda");

    /** S3 data events besides the object-level actions (CloudTrail User Guide, "Logging data events"). */
    private static final Set<String> S3_DATA_EVENTS = Set.of("listbucket", "listbucketversions",
            "listbucketmultipartuploads", "listmultipartuploadparts", "abortmultipartupload");
    private static final Set<String> LAMBDA_DATA_EVENTS = Set.of("invokefunction", "invokefunctionurl",
            "invokeasync");

    private TrackedActions() {
    }

    /** Whether the service reports last accessed information per action. */
    static boolean service(String namespace) {
        return SERVICES.contains(namespace.toLowerCase(Locale.ROOT));
    }

    /** Whether this action of the service is reported one by one. */
    static boolean action(String namespace, String action) {
        String ns = namespace.toLowerCase(Locale.ROOT);
        String a = action.toLowerCase(Locale.ROOT);
        if (!SERVICES.contains(ns)) {
            return false;
        }
        return switch (ns) {
            case "s3" -> !a.contains("object") && !S3_DATA_EVENTS.contains(a);
            case "lambda" -> !LAMBDA_DATA_EVENTS.contains(a);
            default -> true;
        };
    }
}
