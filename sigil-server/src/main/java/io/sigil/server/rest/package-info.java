/**
 * The REST-JSON side of the server, beside the Query protocol of IAM and STS: AWS services whose API is JSON over
 * resource paths (IAM Access Analyzer's {@code POST /policy/validation}) and Sigil's own JSON endpoints
 * ({@code POST /_sigil/authorize}). One dispatcher verifies SigV4 with the server's credential resolver, authorises
 * the call's action through the engine, runs the operation, and writes errors as AWS's REST-JSON protocol does
 * (Smithy, "AWS restJson1 protocol", Operation error serialization): the code in the {@code x-amzn-ErrorType}
 * header, {@code {"message": ...}} and the error's modeled members in the body.
 */
package io.sigil.server.rest;
