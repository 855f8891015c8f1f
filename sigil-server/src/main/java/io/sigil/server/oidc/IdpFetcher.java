package io.sigil.server.oidc;

import io.sigil.iam.service.OidcProviderUrls;
import io.sigil.iam.sts.WebIdentityErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GETs an identity provider's discovery document and key set: HTTPS only (plain HTTP for loopback hosts when the
 * server allows it), no redirects, bounded time and size. A provider that cannot be reached, times out or answers
 * 5xx is unreachable (IDPCommunicationError); one that answers but not with a document is treated by the caller as
 * publishing no key.
 */
final class IdpFetcher {
    /** Connecting and the whole exchange each. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A JWKS of a few dozen RSA keys is far below this. */
    static final int MAX_BYTES = 512 * 1024;

    /** The provider answered, but not 200 with a body within {@link #MAX_BYTES}. */
    static final class BadAnswer extends Exception {
        BadAnswer(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowHttpLoopback;
    /**
     * Made at the first fetch, not with the server: building an HttpClient loads the JDK's trust store and starts a
     * selector thread, ~80 ms of a cold start on two cores (sigil-bench's ColdStart), for servers that may never
     * meet an OIDC provider.
     */
    private volatile HttpClient client;

    IdpFetcher(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /** @throws io.sigil.iam.error.IamException IDPCommunicationError when the provider cannot be reached */
    String get(String url) throws BadAnswer {
        if (!OidcProviderUrls.isFetchable(url, allowHttpLoopback)) {
            throw new BadAnswer("not an https URL: " + url);
        }
        HttpResponse<InputStream> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build();
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException e) {
            throw new BadAnswer("not a URL: " + url);
        } catch (IOException e) {
            throw WebIdentityErrors.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WebIdentityErrors.unreachable();
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 500) {
                throw WebIdentityErrors.unreachable();
            }
            if (response.statusCode() != 200) {
                throw new BadAnswer("HTTP " + response.statusCode() + " from " + url);
            }
            return new String(readCapped(body), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw WebIdentityErrors.unreachable();
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException, BadAnswer {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BYTES) {
                throw new BadAnswer("larger than " + MAX_BYTES + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
