package io.sigil.server.sigv4;

import io.sigil.server.sigv4.internal.CanonicalRequest;
import io.sigil.server.sigv4.internal.CredentialScope;
import io.sigil.server.sigv4.internal.Hashing;
import io.sigil.server.sigv4.internal.RequestTime;
import io.sigil.server.sigv4.internal.SigningKeys;
import io.sigil.server.sigv4.internal.StringToSign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a Query API POST in the Authorization header, as the AWS SDKs do ("Create a signed AWS API request":
 * signed headers content-type, host, x-amz-content-sha256 and x-amz-date, as the SDK for Java v2 signer does), for Sigil's calls to itself ({@code sigil serve
 * --self-check}). The mirror of {@link SigV4Verifier}, built from the same canonical-request code.
 */
public final class SigV4Signer {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final List<String> SIGNED_HEADERS = List.of("content-type", "host", "x-amz-content-sha256", "x-amz-date");

    private SigV4Signer() {}

    /**
     * The headers to send with {@code body}: Content-Type, Host, X-Amz-Content-Sha256, X-Amz-Date and
     * Authorization, in that order.
     *
     * @param host the Host header as the client sends it ({@code 127.0.0.1:8383})
     */
    public static Map<String, String> signPost(String host, String contentType, byte[] body, String accessKeyId,
                                               String secret, String region, String service, Instant now) {
        String amzDate = RequestTime.basic(now);
        String payloadHash = Hashing.sha256Hex(body);
        CredentialScope scope = new CredentialScope(accessKeyId, amzDate.substring(0, 8), region, service,
                "aws4_request");
        SignedRequest request = new SignedRequest("POST", "/", "",
                Headers.of("Content-Type", contentType, "Host", host, "X-Amz-Content-Sha256", payloadHash,
                        "X-Amz-Date", amzDate), new Payload.Bytes(body));
        CanonicalRequest canonical = CanonicalRequest.of(request, SIGNED_HEADERS, false, payloadHash);
        byte[] key = new SigningKeys(0).signingKey(secret, scope.date(), region, service);
        String signature = StringToSign.signature(key, StringToSign.of(amzDate, scope, canonical));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Host", host);
        headers.put("X-Amz-Content-Sha256", payloadHash);
        headers.put("X-Amz-Date", amzDate);
        headers.put("Authorization", ALGORITHM + " Credential=" + accessKeyId + "/" + scope.scope()
                + ", SignedHeaders=" + String.join(";", SIGNED_HEADERS) + ", Signature=" + signature);
        return headers;
    }
}
