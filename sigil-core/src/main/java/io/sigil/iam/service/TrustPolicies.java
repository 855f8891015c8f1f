package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.TrustBinding;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Tx;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Principal binding in role trust policies (spec §10 F62–F63; IAM User Guide, "IAM JSON policy elements:
 * Principal" › "IAM role principals" and "IAM user principals").
 *
 * <p>AWS: "If your Principal element in a role trust policy contains an ARN that points to a specific IAM role,
 * then that ARN transforms to the role's unique principal ID when you save the policy. This helps mitigate the risk
 * of someone escalating their privileges by removing and recreating the role. ... if you delete the role, then you
 * break the relationship. If you recreate the role ... the trust policy contains the old principal ID, which does
 * not match the new role. When this happens, the principal ID appears in resource-based policies because AWS can no
 * longer map it back to a valid ARN." The same holds for IAM users.
 *
 * <p>Sigil keeps the document as submitted and, beside it, a {@link TrustBinding} per user or role ARN it names:
 * the unique id that ARN resolved to at save time ({@link #bind}). Whenever the policy is shown or evaluated it is
 * {@link #render rendered}: each bound ARN whose principal still exists under that ARN stays; one whose principal
 * was renamed (users can be, F63) becomes the current ARN; one whose principal is gone becomes the bare unique id,
 * which matches no caller, so a deleted and re-created user or role is no longer trusted. Saving the policy again
 * (UpdateAssumeRolePolicy with the ARN) binds the new principal.
 *
 * <p>Only exact ARNs of users and roles of accounts this server holds are bound; wildcards, account principals,
 * services and federated principals are left as they are. An exact ARN whose principal does not exist is refused
 * as AWS refuses it: MalformedPolicyDocument {@code Invalid principal in policy: "AWS":"ARN"}.
 */
public final class TrustPolicies {

    private static final Pattern PRINCIPAL_ARN =
            Pattern.compile("arn:aws:iam::([0-9]{12}):(user|role)(/(?:[\\u0021-\\u007E]*/)?)([\\w+=,.@-]+)");

    private TrustPolicies() {
    }

    /**
     * The bindings of a trust policy about to be saved.
     *
     * @throws IamException MalformedPolicyDocument naming the first user or role ARN that does not exist
     */
    public static List<TrustBinding> bind(Tx tx, String document) {
        Map<String, TrustBinding> out = new LinkedHashMap<>();
        for (String arn : awsPrincipals(document)) {
            Matcher m = PRINCIPAL_ARN.matcher(arn);
            if (!m.matches() || out.containsKey(arn) || tx.accounts().find(m.group(1)).isEmpty()) {
                continue;
            }
            Optional<String> id = resolve(tx, m.group(1), m.group(2), m.group(3), m.group(4));
            if (id.isEmpty()) {
                throw IamException.malformedPolicyDocument("Invalid principal in policy: \"AWS\":\"" + arn + "\"");
            }
            out.put(arn, new TrustBinding(arn, id.get()));
        }
        return List.copyOf(out.values());
    }

    /** The trust policy of {@code role} as IAM shows and evaluates it now. */
    public static String render(Tx tx, Role role) {
        return render(role.assumeRolePolicyDocument(), tx.roles().trustBindings(role.id()),
                id -> currentArn(tx, id));
    }

    /**
     * {@link #render(Tx, Role)} of every role on a page, with one read of their bindings and one lookup per bound
     * principal however many of the roles name it, instead of a read per role.
     */
    public static List<Role> renderAll(Tx tx, List<Role> roles) {
        Map<String, List<TrustBinding>> bindings = tx.roles().trustBindings(roles.stream().map(Role::id).toList());
        Map<String, Optional<String>> arns = new HashMap<>();
        return roles.stream().map(r -> r.withTrustPolicy(render(r.assumeRolePolicyDocument(),
                bindings.getOrDefault(r.id(), List.of()), id -> arns.computeIfAbsent(id, k -> currentArn(tx, k)))))
                .toList();
    }

    /**
     * Replaces, in the JSON text, each bound ARN string whose principal now has another ARN (or none) by that ARN
     * (or by the unique id). Only whole JSON strings are replaced, so an ARN that is a prefix of another is safe.
     */
    static String render(String document, List<TrustBinding> bindings,
            java.util.function.Function<String, Optional<String>> arnOfId) {
        String out = document;
        for (TrustBinding b : bindings) {
            String now = arnOfId.apply(b.principalId()).orElse(b.principalId());
            if (!now.equals(b.arn())) {
                out = out.replace("\"" + b.arn() + "\"", "\"" + now + "\"");
            }
        }
        return out;
    }

    private static Optional<String> currentArn(Tx tx, String principalId) {
        if (principalId.startsWith(Ids.USER)) {
            return tx.users().findById(principalId).map(User::arn);
        }
        return tx.roles().findById(principalId).map(Role::arn);
    }

    private static Optional<String> resolve(Tx tx, String account, String type, String path, String name) {
        if (type.equals("user")) {
            return tx.users().find(account, name).filter(u -> u.path().equals(path)).map(User::id);
        }
        return tx.roles().find(account, name).filter(r -> r.path().equals(path)).map(Role::id);
    }

    /** Every {@code "AWS"} principal value of the policy's statements (Principal and NotPrincipal). */
    private static List<String> awsPrincipals(String document) {
        ParseResult parsed = PolicyParser.parse(document);
        List<String> out = new ArrayList<>();
        if (!parsed.ok()) {
            return out;
        }
        for (Statement s : parsed.policy().statements()) {
            if (s.principal() != null) {
                out.addAll(s.principal().get("AWS"));
            }
        }
        return out;
    }
}
