package io.sigil.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;

/** {@code sigil serve --self-check}: signed calls to itself pass when the server verified and answered them. */
class SelfCheckTest {

    @Test
    void selfCheck_againstARunningServer_passesEveryCall() {
        try (SigilTestServer server = SigilTestServer.start()) {
            assertThat(SelfCheck.run(server.app()))
                    .extracting(SelfCheck.Call::action).containsExactly("ListUsers", "GetCallerIdentity");
            assertThat(SelfCheck.run(server.app())).allMatch(SelfCheck.Call::passed);
        }
    }

    @Test
    void aServer_registersAModuleAtItsFirstCall_andTheSelfCheckRegistersEveryModule() {
        try (SigilTestServer server = SigilTestServer.start()) {
            assertThat(server.app().handlers().registeredRequestClasses())
                    .doesNotContain("software.amazon.awssdk.services.iam.model.CreateRoleRequest");
            SelfCheck.run(server.app());
            int operations = HandlerTable.read().values().stream().mapToInt(java.util.List::size).sum();
            assertThat(server.app().handlers().registeredRequestClasses()).hasSize(operations)
                    .contains("software.amazon.awssdk.services.iam.model.CreateRoleRequest");
        }
    }

    @Test
    void anAnswerOrAnErrorAfterVerification_passes() {
        assertThat(SelfCheck.judge("iam", "ListUsers", 200, "<ListUsersResponse xmlns=\"x\"></ListUsersResponse>"))
                .isEqualTo(new SelfCheck.Call("iam", "ListUsers", "200", true));
        assertThat(SelfCheck.judge("iam", "ListUsers", 400,
                "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>").passed()).isTrue();
    }

    @Test
    void aSigV4RejectionAnInternalFailureOrANonAwsAnswer_fails() {
        assertThat(SelfCheck.judge("iam", "ListUsers", 403,
                "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>"))
                .isEqualTo(new SelfCheck.Call("iam", "ListUsers", "403 SignatureDoesNotMatch", false));
        assertThat(SelfCheck.judge("iam", "ListUsers", 500,
                "<ErrorResponse><Error><Code>ServiceFailure</Code></Error></ErrorResponse>").passed()).isFalse();
        assertThat(SelfCheck.judge("iam", "ListUsers", 404, "not found").passed()).isFalse();
    }
}
