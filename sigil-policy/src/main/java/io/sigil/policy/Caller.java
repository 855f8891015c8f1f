package io.sigil.policy;

import java.util.Locale;
import java.util.Set;

/**
 * The principal making a request, read from its ARN (IAM identifiers: ARNs): an account root, an IAM user, a role
 * (as named by its ARN), an assumed-role session, a federated user, an AWS service, a web-identity or SAML
 * provider (for AssumeRoleWith*), or an anonymous caller ({@code "*"}).
 *
 * @param arn       the ARN as given (for a service or provider: its name)
 * @param account   12-digit account, or null (anonymous, service)
 * @param name      user name, role name (of a role or session), federated user name; null otherwise
 * @param session   session name of an assumed-role session; null otherwise
 */
public record Caller(Kind kind, String arn, String partition, String account, String name, String session) {

    public enum Kind { ROOT, USER, ROLE, ASSUMED_ROLE, FEDERATED_USER, SERVICE, WEB_IDENTITY, ANONYMOUS }

    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, "*", "aws", null, null, null);

    /** Identity providers that appear as {@code Federated} principals (IAM policy elements: Principal). */
    private static final Set<String> FEDERATED_PROVIDERS = Set.of(
            "cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com");

    public static Caller parse(String text) {
        if (text == null || text.isEmpty() || text.equals("*") || text.equalsIgnoreCase("anonymous")) {
            return ANONYMOUS;
        }
        if (!text.startsWith("arn:")) {
            if (text.matches("\\d{12}")) {
                return new Caller(Kind.ROOT, "arn:aws:iam::" + text + ":root", "aws", text, null, null);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (FEDERATED_PROVIDERS.contains(lower)) {
                return new Caller(Kind.WEB_IDENTITY, text, "aws", null, null, null);
            }
            return new Caller(Kind.SERVICE, text, "aws", null, null, null);
        }
        String[] p = text.split(":", 6);
        if (p.length < 6) {
            return new Caller(Kind.SERVICE, text, "aws", null, null, null);
        }
        String partition = p[1];
        String service = p[2];
        String account = p[4];
        String res = p[5];
        if (service.equals("iam")) {
            if (res.equals("root")) {
                return new Caller(Kind.ROOT, text, partition, account, null, null);
            }
            if (res.startsWith("user/")) {
                return new Caller(Kind.USER, text, partition, account, lastSegment(res), null);
            }
            if (res.startsWith("role/")) {
                return new Caller(Kind.ROLE, text, partition, account, lastSegment(res), null);
            }
            if (res.startsWith("saml-provider/") || res.startsWith("oidc-provider/")) {
                return new Caller(Kind.WEB_IDENTITY, text, partition, account, null, null);
            }
        }
        if (service.equals("sts")) {
            if (res.startsWith("assumed-role/")) {
                String[] rs = res.split("/", 3);
                if (rs.length == 3) {
                    return new Caller(Kind.ASSUMED_ROLE, text, partition, account, rs[1], rs[2]);
                }
            }
            if (res.startsWith("federated-user/")) {
                return new Caller(Kind.FEDERATED_USER, text, partition, account, res.substring("federated-user/".length()), null);
            }
        }
        return new Caller(Kind.SERVICE, text, partition, account, null, null);
    }

    private static String lastSegment(String res) {
        return res.substring(res.lastIndexOf('/') + 1);
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:root}, or null without an account. */
    public String accountRootArn() {
        return account == null ? null : "arn:" + partition + ":iam::" + account + ":root";
    }

    /** Whether the caller has IAM identity policies of its own (users, roles, sessions, federated users, root). */
    public boolean hasIdentity() {
        return account != null && kind != Kind.SERVICE && kind != Kind.WEB_IDENTITY;
    }

    /**
     * {@code aws:PrincipalArn}: for a session, the ARN of its role (AWS global condition context keys); the role's
     * path is not in a session ARN, so it is omitted.
     */
    public String principalArn() {
        if (kind == Kind.ASSUMED_ROLE) {
            return "arn:" + partition + ":iam::" + account + ":role/" + name;
        }
        return arn;
    }

    /** {@code aws:PrincipalType} as AWS sets it, or null where AWS sets none. */
    public String principalType() {
        switch (kind) {
            case ROOT: return "Account";
            case USER: return "User";
            case ROLE:
            case ASSUMED_ROLE: return "AssumedRole";
            case FEDERATED_USER: return "FederatedUser";
            case ANONYMOUS: return "Anonymous";
            default: return null;
        }
    }
}
