package io.sigil.server.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One API call, shaped like a CloudTrail management event (CloudTrail User Guide, "CloudTrail record contents"):
 * who called what, from where, with which (redacted) parameters, and how it ended.
 *
 * @param identity           {@code userIdentity}: type (Root, IAMUser), principalId, arn, accountId, accessKeyId,
 *                           userName; empty when the caller could not be authenticated
 * @param requestParameters  redacted request members, lowerCamel names as CloudTrail writes them
 * @param responseElements   redacted response members, or null on error
 * @param denial             for a denial in audit mode, the explanation; null otherwise
 */
public record AuditEvent(Instant eventTime, String eventSource, String eventName, String awsRegion,
                         String sourceIpAddress, String userAgent, Map<String, String> identity,
                         Object requestParameters, Object responseElements, String errorCode, String errorMessage,
                         String requestId, String eventId, boolean readOnly, String recipientAccountId,
                         String denial) {
}
