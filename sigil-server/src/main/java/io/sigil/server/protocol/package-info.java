/**
 * The AWS Query protocol, model-driven: request decoding, request validation, XML response and error encoding
 * for every IAM (2010-05-08) and STS (2011-06-15) operation.
 *
 * <p>Nothing here is written per operation. The AWS SDK for Java v2 model classes
 * ({@code software.amazon.awssdk.services.iam.model}, {@code ...sts.model}) describe each request and response
 * member with its wire name and type ({@code SdkPojo.sdkFields()}, {@code ListTrait}, {@code MapTrait});
 * {@link io.sigil.server.protocol.OperationRegistry} finds every operation, {@link io.sigil.server.protocol.QueryDecoder}
 * fills request builders from Query parameters and {@link io.sigil.server.protocol.XmlResponseWriter} writes
 * responses. Constraints the SDK classes lack (lengths, patterns, ranges, enums, required members) come from
 * the generated table {@code constraints.tsv} (botocore service models, see {@code scripts/generate-constraints.py})
 * and are applied by {@link io.sigil.server.protocol.RequestValidator}.
 *
 * <p>References: IAM API Reference, "Making Query requests" and "Common Errors"
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html); STS API Reference, "Common Errors";
 * Smithy awsQuery protocol (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html).
 *
 * <p>{@link io.sigil.server.protocol.QueryProtocol} is the entry point the HTTP handler calls.
 */
package io.sigil.server.protocol;
