package io.sigil.iam.sts;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.GlobalEndpointTokenVersion;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AssumeRoot's parts that need no store: the member's root ARN, and the global endpoint's refusal. */
class AssumeRootServiceTest {

    @Test
    void theTargetPrincipal_asAnAccountIdOrARootArn_namesTheMembersRoot() {
        assertThat(AssumeRootService.memberRoot("111122223333")).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(AssumeRootService.memberRoot("arn:aws:iam::111122223333:root"))
                .isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(AssumeRootService.memberRoot("arn:aws:iam::111122223333:user/bob"))
                .as("anything else is named as given").isEqualTo("arn:aws:iam::111122223333:user/bob");
    }

    @Test
    void onTheGlobalEndpoint_assumeRootIsInvalidActionUnknownOperation_beforeAnyPolicyIsRead() {
        AssumeRootService service = new AssumeRootService(null);

        assertThatThrownBy(() -> service.assumeRoot(null, "111122223333", AssumeRootService.TASK_POLICIES.get(0),
                true, Map.of(), CallerPolicyGate.ENFORCE)).isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidAction");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.safeMessage()).isEqualTo("Unknown Operation");
                });
    }

    @Test
    void theTaskPolicies_areTheFiveRootTaskManagedPolicies() {
        assertThat(AssumeRootService.TASK_POLICIES).hasSize(5)
                .allMatch(a -> a.startsWith("arn:aws:iam::aws:policy/root-task/"));
    }

    @Test
    void tokenVersions_readTheirWireNamesAndNumbers_andTheDefaultIsV1() {
        assertThat(GlobalEndpointTokenVersion.fromWire("v1Token")).contains(GlobalEndpointTokenVersion.V1_TOKEN);
        assertThat(GlobalEndpointTokenVersion.fromWire("v2Token")).contains(GlobalEndpointTokenVersion.V2_TOKEN);
        assertThat(GlobalEndpointTokenVersion.fromWire("V2TOKEN")).isEmpty();
        assertThat(GlobalEndpointTokenVersion.fromNumber(2)).contains(GlobalEndpointTokenVersion.V2_TOKEN);
        assertThat(GlobalEndpointTokenVersion.fromNumber(3)).isEmpty();
        assertThat(GlobalEndpointTokenVersion.DEFAULT.number()).isEqualTo(1);
    }
}
