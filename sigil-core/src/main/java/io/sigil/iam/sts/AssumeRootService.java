package io.sigil.iam.sts;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AssumeRoot (AWS STS API Reference, "AssumeRoot"; IAM User Guide, "Centrally manage root access for member
 * accounts" and "Perform a privileged task on an AWS Organizations member account").
 *
 * <p>AssumeRoot returns root credentials for a <em>member account of the caller's organization</em>, and only when
 * the caller's account is the organization's management account or the delegated administrator for IAM, with
 * centralized root access ("RootSessions") enabled. Sigil has no Organizations yet: no account is a member of
 * another's organization, so every AssumeRoot is refused, after the checks AWS makes first:
 * <ol>
 * <li>the global endpoint does not offer the operation ("The AWS STS global endpoint is not supported for
 *     AssumeRoot. You must send this request to a Regional AWS STS endpoint"); it answers InvalidAction "Unknown
 *     Operation" (boto/boto3#4461, a client on the global endpoint);</li>
 * <li>the request's constraints (DurationSeconds 0..900, TargetPrincipal 12..2048 characters, TaskPolicyArn
 *     required) are checked by the protocol layer;</li>
 * <li>the caller's identity-based policies must allow sts:AssumeRoot on the member account's root,
 *     {@code arn:aws:iam::MEMBER:root}, with {@code sts:TaskPolicyArn} in the context (Service Authorization
 *     Reference, "AWS Security Token Service"); the enforcement mode may relax this one, through the gate;</li>
 * <li>the target must be a member account of the caller's organization with root sessions enabled: never, here.
 *     The refusal is AccessDenied in AWS's usual shape, without a "because" clause (AWS's exact text for this case
 *     is not documented).</li>
 * </ol>
 * No credentials are ever issued: faking a success would hand out root sessions no organization authorised.
 */
public final class AssumeRootService {
    static final String ACTION = "sts:AssumeRoot";
    /** The AWS managed policies that scope a root session (API Reference, AssumeRoot, TaskPolicyArn). */
    public static final List<String> TASK_POLICIES = List.of(
            "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials",
            "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",
            "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials",
            "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
            "arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):root");

    private final Authorizer authorizer;

    public AssumeRootService(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /**
     * @param globalEndpoint whether the request came to the global endpoint (signed for {@code aws-global})
     * @param requestKeys    the global keys of the call
     * @param gate           what a refusal by the caller's own policies does (the enforcement mode)
     * @return never: see the class comment
     */
    public IssuedCredentials assumeRoot(Principal caller, String targetPrincipal, String taskPolicyArn,
                                        boolean globalEndpoint, Map<String, ContextValue> requestKeys,
                                        CallerPolicyGate gate) {
        if (globalEndpoint) {
            throw new IamException(ErrorCode.INVALID_ACTION, "Unknown Operation");
        }
        String resource = memberRoot(targetPrincipal);
        Map<String, ContextValue> keys = new HashMap<>(requestKeys);
        if (taskPolicyArn != null) {
            keys.put("sts:TaskPolicyArn", ContextValue.of(taskPolicyArn));
        }
        // The caller's permission is decided in its own account: what stands in for a resource-based policy is the
        // organization's delegation, not a policy on the member's root.
        Decision d = authorizer.authorize(caller, ACTION, resource, caller.accountId(), keys);
        if (!d.allowed()) {
            gate.refused(IamException.accessDenied(Authorizer.deniedMessage(caller, ACTION, resource, d)), d);
        }
        throw IamException.accessDenied(caller.describe() + " is not authorized to perform: " + ACTION
                + " on resource: " + resource);
    }

    /** The member account's root: from an account id or a root ARN; anything else is named as given. */
    static String memberRoot(String targetPrincipal) {
        if (targetPrincipal != null && ACCOUNT_ID.matcher(targetPrincipal).matches()) {
            return "arn:aws:iam::" + targetPrincipal + ":root";
        }
        if (targetPrincipal != null && ROOT_ARN.matcher(targetPrincipal).matches()) {
            return targetPrincipal;
        }
        return String.valueOf(targetPrincipal);
    }
}
