package io.sigil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys a policy reads, as GetContextKeysFor*Policy and the simulator's MissingContextValues list them. */
class ContextKeysTest {

    private static Policy parse(String text) {
        return PolicyParser.parseOrThrow(text);
    }

    @Test
    void conditionKeysAndResourceVariables_areListedInOrderOfFirstAppearance() {
        Policy p = parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
                + "\"Resource\":\"arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}\","
                + "\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2015-08-16T12:00:00Z\"}}}}");
        assertThat(ContextKeys.of(p)).containsExactly("aws:username", "aws:CurrentTime");
    }

    @Test
    void aKeyReadTwiceInAnyCase_isListedOnce_inItsFirstSpelling() {
        Policy p = parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"${aws:ResourceTag/team}\"}}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"AWS:principaltag/TEAM\":\"x\"}}}]}");
        assertThat(ContextKeys.of(p)).containsExactly("aws:PrincipalTag/team", "aws:ResourceTag/team");
    }

    @Test
    void variablesUnderVersion2008_areLiteralText_andReadNoKey() {
        Policy p = parse("{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}}");
        assertThat(ContextKeys.of(p)).isEmpty();
    }

    @Test
    void escapesAndDefaults_nameNoKeyOrTheKeyBeforeTheComma() {
        Policy p = parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"arn:aws:s3:::b/${*}/${?}/${$}\",\"arn:aws:s3:::b/${aws:userid, 'none'}\"]}}");
        assertThat(ContextKeys.of(p)).containsExactly("aws:userid");
    }

    @Test
    void engineKeysRead_listsEveryStatementsKeys_whateverItsAction_asAwsSimulatorDoes() {
        CompiledPolicy p = CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"ec2:Region\":\"eu-west-1\"}}}]}", "p", PolicyType.IDENTITY);
        CompiledPolicy boundary = CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}}",
                "b", PolicyType.PERMISSIONS_BOUNDARY);
        PolicySet set = new PolicySet(List.of(p), List.of(boundary), null, null, null, null);
        PolicyEngine engine = new PolicyEngine();
        // boto/boto3#3111: AWS lists the keys of statements for other actions too.
        for (String action : List.of("s3:GetObject", "ec2:RunInstances", "iam:GetUser")) {
            assertThat(engine.keysRead(action, set)).as(action)
                    .containsExactlyInAnyOrder("aws:SourceIp", "ec2:Region", "aws:username");
        }
        CompiledPolicy scp = CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":"
                + "\"eu-west-1\"}}}}", "scp", PolicyType.SCP);
        PolicySet withScp = new PolicySet(List.of(p), null, null, null, List.of(List.of(scp)), null);
        // aws/aws-cli#10525: the keys of organization policies are not reported.
        assertThat(engine.keysRead("s3:GetObject", withScp)).containsExactlyInAnyOrder("aws:SourceIp", "ec2:Region");
    }

    @Test
    void missingKeys_leaveOutKeysTheRequestHolds_andKeysDerivedFromThePrincipal() {
        CompiledPolicy p = CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:username}\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}}}", "p", PolicyType.IDENTITY);
        PolicySet set = PolicySet.identityOnly(List.of(p));
        RequestContext request = RequestContext.of("arn:aws:iam::123456789012:user/alice", "s3:GetObject",
                "arn:aws:s3:::b/alice", java.util.Map.of("AWS:SourceIP", ContextValue.of("10.1.2.3")));
        assertThat(new PolicyEngine().missingKeys(request, set)).containsExactly("aws:SecureTransport");
    }
}
