package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.policy.reference.ReferenceData;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which services and actions a permissions policy allows, for access advisor (spec §5.7). */
class GrantedServicesTest {

    private static String policy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static String allow(String action) {
        return "{\"Effect\":\"Allow\",\"Action\":" + action + ",\"Resource\":\"*\"}";
    }

    @Test
    void namedActions_grantTheirServices_withTheActionsSpelledAsAwsDoes() {
        Map<String, Set<String>> g = GrantedServices.of(policy(allow("[\"iam:getuser\",\"s3:GetObject\"]")));

        assertThat(g).containsOnlyKeys("iam", "s3");
        assertThat(g.get("iam")).containsExactly("GetUser");
        assertThat(g.get("s3")).containsExactly("GetObject");
    }

    @Test
    void wildcards_grantEveryMatchingAction_caseInsensitively() {
        Map<String, Set<String>> g = GrantedServices.of(policy(allow("\"IAM:List*User?\"")));

        assertThat(g.get("iam")).contains("ListUsers").doesNotContain("ListRoles", "GetUser");
    }

    @Test
    void aStarGrantsEveryServiceOfTheReference() {
        Map<String, Set<String>> g = GrantedServices.of(policy(allow("\"*\"")));

        assertThat(g).hasSize(ReferenceData.get().services().size());
        assertThat(g.get("ec2")).contains("RunInstances");
    }

    @Test
    void notAction_grantsEveryActionItDoesNotName() {
        Map<String, Set<String>> g = GrantedServices.of(policy(
                "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\"],\"Resource\":\"*\"}"));

        assertThat(g).doesNotContainKey("iam").containsKeys("s3", "ec2", "sts");
    }

    @Test
    void denyStatements_grantNothing() {
        Map<String, Set<String>> g = GrantedServices.of(policy(
                "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"));

        assertThat(g).isEmpty();
    }

    @Test
    void servicesTheReferenceDoesNotKnow_areGrantedWhenNamed_withTheirActionsWhenNamedExactly() {
        Map<String, Set<String>> g = GrantedServices.of(policy(allow("[\"widgets:GetWidget\",\"gadgets:List*\","
                + "\"*idgets:Delete\"]")));

        assertThat(g).containsOnlyKeys("widgets", "gadgets");
        assertThat(g.get("widgets")).containsExactly("GetWidget");
        assertThat(g.get("gadgets")).isEmpty();
    }

    @Test
    void anUnreadableDocument_grantsNothing() {
        assertThat(GrantedServices.of("not json")).isEmpty();
    }

    @Test
    void matches_followsIamWildcards() {
        assertThat(GrantedServices.matches("iam:*AccessKey*", "iam:GetAccessKeyLastUsed")).isTrue();
        assertThat(GrantedServices.matches("iam:*AccessKey*", "iam:CreateUser")).isFalse();
        assertThat(GrantedServices.matches("s3:Get?bject", "s3:GetObject")).isTrue();
        assertThat(GrantedServices.matches("s3:Get?bject", "s3:GetObjectAcl")).isFalse();
        assertThat(GrantedServices.matches("*", "anything")).isTrue();
        assertThat(GrantedServices.matches("", "x")).isFalse();
    }
}
