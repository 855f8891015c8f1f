package io.sigil.server.api;

import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Runs one operation: takes the decoded, validated request object of the AWS SDK model and returns its response
 * object. Throws {@link io.sigil.iam.error.IamException} for AWS's documented errors; anything else becomes
 * ServiceFailure without detail.
 */
@FunctionalInterface
public interface Handler<Q extends AwsRequest> {
    AwsResponse handle(Q request, CallContext call);
}
