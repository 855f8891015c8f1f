package io.sigil.server.app;

import io.sigil.server.sigv4.SigV4Signer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sigil serve --self-check}: the started server answers SigV4-signed calls that it makes to itself with its
 * root key, over HTTP, as a client would: IAM ListUsers and STS GetCallerIdentity. A call passes when the answer
 * is AWS-shaped and the signature was accepted: 200, or an error other than a SigV4 rejection or an internal
 * failure (an operation without a handler yet answers 400 InvalidAction, after verification). Then every API
 * module registers its handlers, which a server otherwise does at each module's first call ({@link HandlerTable}):
 * a module whose registration fails (two handlers for one operation) fails the check. The launcher runs it once per
 * build to record the classes a start, its first calls and the modules' registrations load (class-data sharing), so
 * that a module's first call later finds its handlers' classes in the archive too.
 */
public final class SelfCheck {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Set<String> FAILED = Set.of("MissingAuthenticationToken", "IncompleteSignature",
            "InvalidClientTokenId", "ExpiredToken", "SignatureDoesNotMatch", "RequestExpired", "ServiceFailure");

    /** One call and what it got: {@code 200} or e.g. {@code 400 InvalidAction}. */
    public record Call(String service, String action, String answer, boolean passed) {}

    private SelfCheck() {}

    /** Makes the calls; needs the root secret, known when the bootstrap created or was given the root key. */
    public static List<Call> run(SigilApp app) {
        Bootstrap.Result root = app.bootstrap();
        if (root.secretAccessKey() == null) {
            throw new IllegalStateException("the root secret is unknown: use --ephemeral or set "
                    + Bootstrap.ENV_KEY_ID + " and " + Bootstrap.ENV_SECRET);
        }
        List<Call> calls = new ArrayList<>();
        calls.add(call(app, root, "iam", "Action=ListUsers&Version=2010-05-08", "ListUsers"));
        calls.add(call(app, root, "sts", "Action=GetCallerIdentity&Version=2011-06-15", "GetCallerIdentity"));
        app.handlers().registerDeferred(); // throws IllegalStateException for a conflict, reported as such
        return calls;
    }

    private static Call call(SigilApp app, Bootstrap.Result root, String service, String form, String action) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String host = app.host() + ":" + app.port();
        Map<String, String> headers = SigV4Signer.signPost(host, FORM, body, root.accessKeyId(),
                root.secretAccessKey(), "us-east-1", service, Instant.now());
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(app.endpoint() + "/").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Connection", "close");   // no idle connection for the server's stop to wait on
            // HttpURLConnection writes Host itself, with the same value (it refuses to take it from the caller).
            headers.forEach((name, value) -> {
                if (!name.equals("Host")) {
                    c.setRequestProperty(name, value);
                }
            });
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return judge(service, action, status, text);
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Call judge(String service, String action, int status, String body) {
        if (status == 200 && body.contains("<" + action + "Response")) {
            return new Call(service, action, "200", true);
        }
        Matcher code = CODE.matcher(body);
        if (body.contains("<ErrorResponse") && code.find()) {
            return new Call(service, action, status + " " + code.group(1), !FAILED.contains(code.group(1)));
        }
        return new Call(service, action, String.valueOf(status), false);
    }
}
