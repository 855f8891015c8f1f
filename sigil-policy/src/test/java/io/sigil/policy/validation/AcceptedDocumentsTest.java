package io.sigil.policy.validation;

import io.sigil.policy.PolicyType;
import io.sigil.policy.ValidationReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.sigil.policy.validation.Policies.identity;
import static io.sigil.policy.validation.Policies.statement;
import static io.sigil.policy.validation.Policies.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** Documents IAM accepts (moto's recorded valid corpus and AWS examples) must produce no error. */
class AcceptedDocumentsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "'Effect':'Allow','Action':'iam: asdf safdsf af ','Resource':'arn:aws:s3:::example_bucket'",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':['arn:aws:s3:::example_bucket','*']",
        "'Effect':'Allow','Action':'*','Resource':'arn:aws:s3:::example_bucket'",
        "'Effect':'Allow','Action':'service-prefix:action-name','Resource':'*','Condition':{'DateGreaterThan':{'aws:CurrentTime':'2017-07-01T00:00:00Z'},'DateLessThan':{'aws:CurrentTime':'2017-12-31T23:59:59Z'}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:iam:::user/example_bucket'",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s33:::example_bucket'",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:fdsasf'",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:cloudwatch:us-east-1::example_bucket'",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:invalid-service:us-east-1::example_bucket'",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'DateGreaterThan':{}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'DateGreaterThan':{'a':[]}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'DateGreaterThan':{'a':'01T'}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'StringEqualsIfExists':{'a':'asf'}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'DateLessThanEquals':{'a':'2016-12-13T21:20:37.593194+00:00'}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'DateLessThanEquals':{'a':'2016-12-13t2:00:00.593194+23'}}",
        "'Effect':'Allow','Action':'s3:ListBucket','Resource':'arn:aws:s3:::example_bucket','Condition':{'DateLessThan':{'a':'-292275054'}}",
        "'Effect':'Deny','Action':'s3:*','NotResource':['arn:aws:s3:::HRBucket/Payroll','arn:aws:s3:::HRBucket/Payroll/*']",
        "'Effect':'Allow','Action':'aaaaaadsfdsafsadfsadfaaaaa:ListBucket','Resource':'arn:aws:s3:::example_bucket'",
        "'Effect':'Allow','Action':'s3-s:ListBucket','Resource':'arn:aws:s3:::example_bucket'",
        "'Effect':'Allow','Action':'s3.s:ListBucket','Resource':'arn:aws:s3:::example_bucket'",
        "'Effect':'Allow','NotAction':'s3:ListBucket','NotResource':'*'",
        "'Sid':'','Effect':'Allow','Action':'rds:*','Resource':['arn:aws:rds:region:*:*']",
        "'Effect':'Allow','Action':['s3:*'],'Resource':['arn:aws:s3:us-west-2:123456789012:accesspoint/my-access-point']",
        "'Effect':'Allow','Action':['iam:ChangePassword','iam:GetUser'],'Resource':'arn:aws:iam::*:user/${aws:username}'",
        "'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':false},'NumericLessThan':{'aws:MultiFactorAuthAge':3600}}",
    })
    void identityPolicyThatIamAccepts_hasNoErrors(String members) {
        ValidationReport r = identity(statement(members));
        assertThat(r.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},'Action':'sts:AssumeRole','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}",
        "'Effect':'Allow','Principal':{'AWS':'123456789012'},'Action':'sts:AssumeRole'",
        "'Effect':'Allow','Principal':{'Service':['ec2.amazonaws.com','lambda.amazonaws.com']},'Action':'sts:AssumeRole'",
        "'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::123456789012:saml-provider/ExampleOrgSSOProvider'},'Action':'sts:AssumeRoleWithSAML','Condition':{'StringEquals':{'SAML:aud':'https://signin.aws.amazon.com/saml'}}",
        "'Effect':'Allow','Principal':{'Federated':'cognito-identity.amazonaws.com'},'Action':'sts:AssumeRoleWithWebIdentity','Condition':{'StringEquals':{'cognito-identity.amazonaws.com:aud':'us-east-1:12345678-abcd'}}",
        "'Effect':'Allow','Principal':{'AWS':'arn:aws:sts::123456789012:assumed-role/Admin/session'},'Action':['sts:AssumeRole','sts:TagSession']",
    })
    void trustPolicyThatIamAccepts_hasNoErrors(String members) {
        ValidationReport r = validate(statement(members), PolicyType.TRUST);
        assertThat(r.errors()).isEmpty();
    }
}
