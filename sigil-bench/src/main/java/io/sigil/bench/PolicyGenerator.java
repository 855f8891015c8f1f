package io.sigil.bench;

import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.PolicyType;
import io.sigil.policy.RequestContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of realistic identity policies and requests: statements spread over 40 services, a mix of
 * exact actions, {@code Verb*} and {@code service:*} wildcards, exact, path-wildcard, region-wildcard and
 * {@code "*"} resources, a tenth Deny statements, and conditions on a third (principal tags, source IP, secure
 * transport, user id). The same seed gives the same policies and requests, so runs compare.
 */
public final class PolicyGenerator {
    static final String ACCOUNT = "123456789012";
    static final String[] SERVICES = {"s3", "ec2", "iam", "sqs", "sns", "dynamodb", "lambda", "kms", "logs",
        "cloudwatch", "rds", "ecs", "ecr", "eks", "secretsmanager", "ssm", "kinesis", "firehose", "glue", "athena",
        "states", "events", "apigateway", "cloudformation", "route53", "elasticloadbalancing", "autoscaling",
        "elasticache", "es", "redshift", "sagemaker", "codebuild", "codepipeline", "codecommit", "batch", "acm",
        "cognito-idp", "xray", "backup", "glacier"};
    static final String[] VERBS = {"Get", "List", "Describe", "Put", "Create", "Delete", "Update", "Tag", "Untag",
        "Start", "Stop"};
    static final String[] NOUNS = {"Object", "Bucket", "Instance", "Queue", "Topic", "Table", "Function", "Key"};
    static final int TEAMS = 20;

    private final Random rnd;

    public PolicyGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** {@code statements} statements in policies of at most 25 statements each, as AWS-managed-style documents. */
    public List<CompiledPolicy> identityPolicies(int statements) {
        List<CompiledPolicy> out = new ArrayList<>();
        int left = statements;
        int n = 0;
        while (left > 0) {
            int k = Math.min(25, left);
            StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
            for (int i = 0; i < k; i++) {
                sb.append(i == 0 ? "" : ",").append(statement());
            }
            sb.append("]}");
            out.add(CompiledPolicy.compile(sb.toString(), "policy-" + n++, PolicyType.IDENTITY));
            left -= k;
        }
        return out;
    }

    private String statement() {
        String svc = pick(SERVICES);
        StringBuilder sb = new StringBuilder("{\"Effect\":\"").append(rnd.nextInt(10) == 0 ? "Deny" : "Allow")
                .append("\",\"Action\":[");
        int actions = 1 + rnd.nextInt(3);
        for (int i = 0; i < actions; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(actionPattern(svc)).append('"');
        }
        sb.append("],\"Resource\":[");
        int resources = 1 + rnd.nextInt(2);
        for (int i = 0; i < resources; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(resourcePattern(svc)).append('"');
        }
        sb.append(']');
        if (rnd.nextInt(3) == 0) {
            sb.append(",\"Condition\":").append(condition());
        }
        return sb.append('}').toString();
    }

    private String actionPattern(String svc) {
        int r = rnd.nextInt(100);
        if (r < 55) {
            return svc + ":" + pick(VERBS) + pick(NOUNS);
        }
        if (r < 92) {
            return svc + ":" + pick(VERBS) + "*";
        }
        return svc + ":*";
    }

    private String resourcePattern(String svc) {
        int r = rnd.nextInt(100);
        String team = "team-" + rnd.nextInt(TEAMS);
        if (r < 40) {
            return arn(svc, "us-east-1", team + "/item-" + rnd.nextInt(50));
        }
        if (r < 80) {
            return arn(svc, "us-east-1", team + "/*");
        }
        if (r < 92) {
            return arn(svc, "*", team + "/*");
        }
        return "*";
    }

    private String condition() {
        switch (rnd.nextInt(4)) {
            case 0:
                return "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"team-" + rnd.nextInt(TEAMS) + "\"}}";
            case 1:
                return "{\"IpAddress\":{\"aws:SourceIp\":[\"10." + rnd.nextInt(4) + ".0.0/16\",\"192.0.2.0/24\"]}}";
            case 2:
                return "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}";
            default:
                return "{\"StringLike\":{\"aws:userid\":\"AIDA*\"},\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}";
        }
    }

    private static String arn(String svc, String region, String path) {
        return "arn:aws:" + svc + ":" + region + ":" + ACCOUNT + ":thing/" + path;
    }

    /** Requests by one user, on resources of the generated shape, so that some are allowed and some denied. */
    public List<RequestContext> requests(int count) {
        List<RequestContext> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String svc = pick(SERVICES);
            String action = svc + ":" + pick(VERBS) + pick(NOUNS);
            String resource = arn(svc, "us-east-1", "team-" + rnd.nextInt(TEAMS) + "/item-" + rnd.nextInt(50));
            Map<String, ContextValue> keys = new HashMap<>();
            keys.put("aws:PrincipalTag/team", ContextValue.of("team-" + rnd.nextInt(TEAMS)));
            keys.put("aws:SourceIp", ContextValue.of("10." + rnd.nextInt(8) + ".1.2"));
            keys.put("aws:SecureTransport", ContextValue.of(rnd.nextBoolean() ? "true" : "false"));
            keys.put("aws:userid", ContextValue.of("AIDAEXAMPLEUSERID0001"));
            keys.put("aws:CurrentTime", ContextValue.of("2026-12-01T12:00:00Z"));
            out.add(RequestContext.of("arn:aws:iam::" + ACCOUNT + ":user/alice", action, resource, keys));
        }
        return out;
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
