package io.sigil.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.model.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IAM User Guide, "IAM identifiers" › "IAM ARNs" examples. */
class ArnsTest {

    @Test
    void userArn_withRootPath_isUserSlashName() {
        assertThat(Arns.user("123456789012", "/", "Bob")).isEqualTo("arn:aws:iam::123456789012:user/Bob");
    }

    @Test
    void userArn_keepsTheWholePath() {
        assertThat(Arns.user("123456789012", "/division_abc/subdivision_xyz/", "Bob"))
                .isEqualTo("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Bob");
    }

    @Test
    void groupRoleAndPolicyArns_followTheSameShape() {
        assertThat(Arns.group("123456789012", "/", "Developers"))
                .isEqualTo("arn:aws:iam::123456789012:group/Developers");
        assertThat(Arns.role("123456789012", "/application_abc/component_xyz/", "S3Access"))
                .isEqualTo("arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access");
        assertThat(Arns.policy("123456789012", "/", "ManageCredentialsPermissions"))
                .isEqualTo("arn:aws:iam::123456789012:policy/ManageCredentialsPermissions");
        assertThat(Arns.root("123456789012")).isEqualTo("arn:aws:iam::123456789012:root");
    }

    @Test
    void aPathWithoutSlashes_isRefused() {
        assertThatThrownBy(() -> Arns.user("123456789012", "division", "Bob"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userRecordArn_followsRename() {
        User u = User.create("123456789012", "Bob", "/", Ids.userId(), Instant.EPOCH, null, List.of());
        assertThat(u.renamed("Robert", "/eng/").arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/Robert");
    }
}
