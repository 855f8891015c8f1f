package io.sigil.server.sigv4;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the verifier accepts. Every limit is named here with its default.
 *
 * @param regions                 signing regions accepted in the credential scope. Default {@code us-east-1}
 *                                (what the AWS docs tell clients of global services to sign with) and
 *                                {@code aws-global} (what the AWS SDK for Java v2 signs with for
 *                                {@code Region.AWS_GLOBAL}).
 * @param serviceRegions          per signing service, the regions accepted instead of {@code regions}. Default: STS
 *                                in every region of the {@code aws} partition and {@code aws-global} (AWS STS API
 *                                Reference, "Endpoints": "AWS STS is available in all Regions"; a client that
 *                                calls {@code sts.eu-central-1.amazonaws.com} signs for {@code eu-central-1}), while
 *                                IAM, a global service, keeps {@code regions} (IAM User Guide, "IAM endpoints": one
 *                                endpoint, signed for {@code us-east-1}).
 * @param services                signing services accepted in the credential scope; the first one is named in the
 *                                "scoped to correct service" message. Default {@code iam}, {@code sts}. In either
 *                                list, {@link #ANY} accepts every value: Access Analyzer is regional and answers
 *                                in any region; /_sigil/authorize checks requests signed for any service.
 * @param clockSkew               how far the request time may be from the server's clock, either way. AWS: 15 minutes
 *                                ("Signature expired: ... (... - 15 min.)").
 * @param maxPresignedLifetime    an upper bound on {@code X-Amz-Expires} the verifier honours (the protocol allows
 *                                1..604800 s). Default 7 days; 15 minutes reproduces what STS is reported to do
 *                                (aws-sdk-go #2167: STS ignores X-Amz-Expires beyond about 15 minutes).
 * @param allowUnsignedPayload    whether {@code x-amz-content-sha256: UNSIGNED-PAYLOAD} is accepted (the body is then
 *                                not covered by the signature).
 * @param signingKeyCacheSize     how many derived signing keys (4 HMACs each) to keep, least recently used out.
 */
public record SigV4Config(
        List<String> regions,
        Map<String, List<String>> serviceRegions,
        List<String> services,
        Duration clockSkew,
        Duration maxPresignedLifetime,
        boolean allowUnsignedPayload,
        int signingKeyCacheSize) {

    /** In {@code regions} or {@code services}: any value is accepted. */
    public static final String ANY = "*";
    /** AWS: 15 minutes either way. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(15);
    /** Smallest {@code X-Amz-Expires}, in seconds (AWS "Authenticating Requests: Using Query Parameters"). */
    public static final long MIN_EXPIRES_SECONDS = 1;
    /** Largest {@code X-Amz-Expires}, in seconds: seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;
    public static final int DEFAULT_SIGNING_KEY_CACHE_SIZE = 1024;

    public SigV4Config {
        regions = List.copyOf(regions);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        serviceRegions.forEach((service, list) -> copy.put(service, List.copyOf(list)));
        serviceRegions = Map.copyOf(copy);
        services = List.copyOf(services);
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxPresignedLifetime, "maxPresignedLifetime");
        if (regions.isEmpty() || services.isEmpty()) {
            throw new IllegalArgumentException("at least one region and one service must be accepted");
        }
        if (clockSkew.isNegative() || maxPresignedLifetime.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (signingKeyCacheSize < 0) {
            throw new IllegalArgumentException("signingKeyCacheSize must not be negative");
        }
    }

    public static SigV4Config defaults() {
        return new SigV4Config(List.of("us-east-1", "aws-global"), Map.of("sts", AwsRegions.partitionRegions()),
                List.of("iam", "sts"), DEFAULT_CLOCK_SKEW, Duration.ofSeconds(MAX_EXPIRES_SECONDS), true,
                DEFAULT_SIGNING_KEY_CACHE_SIZE);
    }

    /** The regions a credential scope for this signing service may name. */
    public List<String> regionsFor(String service) {
        return serviceRegions.getOrDefault(service, regions);
    }

    /** These regions, for every service: replaces the defaults, per-service ones included. */
    public SigV4Config withRegions(List<String> newRegions) {
        return new SigV4Config(newRegions, Map.of(), services, clockSkew, maxPresignedLifetime, allowUnsignedPayload,
                signingKeyCacheSize);
    }

    /** These regions for one signing service; the others keep theirs. */
    public SigV4Config withServiceRegions(String service, List<String> serviceList) {
        Map<String, List<String>> next = new LinkedHashMap<>(serviceRegions);
        next.put(service, serviceList);
        return new SigV4Config(regions, next, services, clockSkew, maxPresignedLifetime, allowUnsignedPayload,
                signingKeyCacheSize);
    }

    public SigV4Config withServices(List<String> newServices) {
        return new SigV4Config(regions, serviceRegions, newServices, clockSkew, maxPresignedLifetime,
                allowUnsignedPayload, signingKeyCacheSize);
    }

    public SigV4Config withMaxPresignedLifetime(Duration lifetime) {
        return new SigV4Config(regions, serviceRegions, services, clockSkew, lifetime, allowUnsignedPayload,
                signingKeyCacheSize);
    }

    public SigV4Config withAllowUnsignedPayload(boolean allow) {
        return new SigV4Config(regions, serviceRegions, services, clockSkew, maxPresignedLifetime, allow,
                signingKeyCacheSize);
    }
}
