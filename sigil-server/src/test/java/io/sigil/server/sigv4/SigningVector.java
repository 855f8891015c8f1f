package io.sigil.server.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case of a SigV4 conformance file under {@code src/test/resources/sigv4}: a signed request and what it must
 * canonicalise and sign to. Files give the credentials, scope and clock once for all their cases.
 */
record SigningVector(
        String file,
        String description,
        SignedRequest request,
        String accessKeyId,
        String secretAccessKey,
        String region,
        String service,
        Instant time,
        Optional<String> canonicalRequest,
        Optional<String> stringToSign,
        String signature,
        Optional<String> securityToken,
        AuthLocation location) {

    static final List<String> FILES = List.of("aws-sig-v4-test-suite.json", "aws-signing-test-suite-v4.json");

    static List<SigningVector> all() {
        List<SigningVector> out = new ArrayList<>();
        for (String file : FILES) {
            out.addAll(read(file));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<SigningVector> read(String file) {
        Map<String, Object> root = (Map<String, Object>) Json.parse(resource("/sigv4/" + file));
        Map<String, Object> credentials = (Map<String, Object>) root.get("credentials");
        List<SigningVector> out = new ArrayList<>();
        for (Object o : (List<Object>) root.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) o;
            Map<String, Object> expected = (Map<String, Object>) c.get("expected");
            out.add(new SigningVector(file, (String) c.get("description"),
                    request((Map<String, Object>) c.get("request")),
                    (String) credentials.get("accessKeyId"), (String) credentials.get("secretAccessKey"),
                    (String) root.get("region"), (String) root.get("service"),
                    Instant.parse((String) root.get("time")),
                    Optional.ofNullable((String) expected.get("canonicalRequest")),
                    Optional.ofNullable((String) expected.get("stringToSign")),
                    (String) expected.get("signature"),
                    Optional.ofNullable((String) expected.get("securityToken")),
                    AuthLocation.valueOf((String) expected.getOrDefault("location", "HEADER"))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static SignedRequest request(Map<String, Object> r) {
        List<Header> headers = new ArrayList<>();
        for (Object h : (List<Object>) r.get("headers")) {
            List<Object> pair = (List<Object>) h;
            headers.add(new Header((String) pair.get(0), (String) pair.get(1)));
        }
        return new SignedRequest((String) r.get("method"), (String) r.get("path"), (String) r.get("query"),
                Headers.of(headers), Payload.of(((String) r.get("body")).getBytes(StandardCharsets.UTF_8)));
    }

    private static String resource(String path) {
        try (InputStream in = SigningVector.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verifier for this vector's scope, knowing its key (whatever session token comes with it). */
    SigV4Verifier<TestCredential> verifier() {
        SigV4Config config = SigV4Config.defaults().withRegions(List.of(region)).withServices(List.of(service));
        TestCredential key = TestCredential.longTerm(accessKeyId, secretAccessKey);
        return new SigV4Verifier<>(config, (id, token) -> id.equals(accessKeyId) ? Optional.of(key) : Optional.empty());
    }

    @Override
    public String toString() {
        return description;
    }
}
