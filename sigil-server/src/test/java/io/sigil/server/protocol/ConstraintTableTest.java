package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.iam.model.AttachmentType;
import software.amazon.awssdk.services.iam.model.PolicyIdentifierPolicyType;

/**
 * The generated table and its supplement must fit the SDK model and Java's regular expressions, or validation would
 * lie.
 */
class ConstraintTableTest {
    private static final ConstraintTable TABLE = ConstraintTable.load();
    private static final OperationRegistry REGISTRY = OperationRegistry.standard();

    @Test
    void everyPattern_compilesAsAJavaRegularExpression() {
        for (ConstraintShape shape : TABLE.shapes()) {
            assertThatCode(shape::pattern).as(shape.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyOperationOfTheTable_isInTheRegistry() {
        for (String key : TABLE.operations()) {
            String[] serviceAndName = key.split(":");
            AwsService service = AwsService.forId(serviceAndName[0]).orElseThrow();
            assertThat(REGISTRY.find(service, serviceAndName[1])).as(key).isPresent();
        }
        // botocore lags the SDK; constraints-supplement.tsv covers what it lacks, so every operation has its record
        assertThat(REGISTRY.all()).allSatisfy(op -> assertThat(TABLE.knowsOperation(op.service(), op.name()))
                .as(op.service().id() + ":" + op.name()).isTrue());
    }

    @Test
    void theSupplementsEnumValues_areTheSdkModelsOwn() {
        assertThat(TABLE.shape("iam:policyIdentifierPolicyType").enumValues()).containsExactlyElementsOf(
                PolicyIdentifierPolicyType.knownValues().stream().map(Object::toString).toList());
        assertThat(TABLE.shape("iam:inlinePolicyAttachmentType").enumValues()).containsExactlyElementsOf(
                AttachmentType.knownValues().stream().map(Object::toString).toList());
    }

    @Test
    void anOperationOrShapeGivenTwice_isRefused_soASupplementRecordThatTheGeneratedTableCameToCoverIsNoticed() {
        List<String> generated = ConstraintTable.lines(ConstraintTable.RESOURCE);
        String operation = generated.stream().filter(l -> l.startsWith("O\t")).findFirst().orElseThrow();
        String shape = generated.stream().filter(l -> l.startsWith("S\t")).findFirst().orElseThrow();

        for (String twice : List.of(operation, shape)) {
            List<String> lines = new ArrayList<>(generated);
            lines.add(twice);
            assertThatThrownBy(() -> ConstraintTable.parse(lines)).as(twice)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("given twice");
        }
    }

    @Test
    void noStructureMember_isGivenTwice_acrossTheGeneratedTableAndTheSupplement() {
        List<String> lines = new ArrayList<>(ConstraintTable.lines(ConstraintTable.RESOURCE));
        lines.addAll(ConstraintTable.lines(ConstraintTable.SUPPLEMENT));
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> twice = lines.stream().filter(l -> l.startsWith("M\t"))
                .map(l -> String.join("\t", java.util.Arrays.copyOfRange(l.split("\t"), 1, 3)))
                .filter(key -> !seen.add(key)).toList();

        assertThat(twice).isEmpty();
    }

    @Test
    void operationsOfTheSupplement_haveTheirRequiredMembersAndResultElements() {
        Operation put = REGISTRY.find(AwsService.IAM, "PutAccountProperties").orElseThrow();
        assertThat(new RequestValidator(TABLE).violations(put,
                software.amazon.awssdk.services.iam.model.PutAccountPropertiesRequest.builder().build())).containsExactly(
                "Value at 'properties' failed to satisfy constraint: Member must not be null");
        assertThat(TABLE.hasResult(AwsService.IAM, "PutAccountProperties")).isTrue();
        Operation acquire = REGISTRY.find(AwsService.IAM, "AcquireRole").orElseThrow();
        assertThat(new RequestValidator(TABLE).violations(acquire,
                software.amazon.awssdk.services.iam.model.AcquireRoleRequest.builder().build())).containsExactly(
                "Value at 'templateArn' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void everyMemberOfTheTable_isAFieldOfTheSdkRequest_withTheSameWireName() {
        List<String> missing = new ArrayList<>();
        for (Operation op : REGISTRY.all()) {
            TABLE.inputOf(op.service(), op.name())
                    .ifPresent(shape -> collectMissing(shape, op.newRequestBuilder(), op.name(), missing));
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void iamsOwnWording_namesAMemberOfTheSdkRequest_andReplacesOnlyThatMembersViolations() {
        Operation alias = REGISTRY.find(AwsService.IAM, "CreateAccountAlias").orElseThrow();
        ConstraintTable.Wording wording = TABLE.wording(AwsService.IAM, "CreateAccountAlias").orElseThrow();
        assertThat(alias.newRequestBuilder().sdkFields()).anySatisfy(
                f -> assertThat(f.locationName()).isEqualTo(wording.member()));
        assertThat(TABLE.wording(AwsService.IAM, "DeleteUser")).isEmpty();
        assertThat(wording.patternOnly()).isFalse();
        assertThat(TABLE.wording(AwsService.IAM, "CreateUser")).get().extracting(ConstraintTable.Wording::patternOnly)
                .isEqualTo(true);

        assertThatThrownBy(() -> new RequestValidator(TABLE).validate(alias,
                software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest.builder().accountAlias("-Bad-")
                        .build())).isInstanceOf(ProtocolException.class).hasMessage(wording.message());
    }

    @Test
    void modeledErrors_carryStatusAndFault() {
        assertThat(TABLE.error(AwsService.IAM, "NoSuchEntity")).contains(
                new ModeledError(AwsService.IAM, "NoSuchEntity", 404, Fault.SENDER));
        assertThat(TABLE.error(AwsService.IAM, "EntityAlreadyExists")).map(ModeledError::httpStatus).contains(409);
        assertThat(TABLE.error(AwsService.IAM, "ServiceFailure")).map(ModeledError::fault).contains(Fault.RECEIVER);
        assertThat(TABLE.error(AwsService.STS, "MalformedPolicyDocument")).map(ModeledError::httpStatus).contains(400);
    }

    private static void collectMissing(ConstraintShape shape, SdkPojo pojo, String path, List<String> missing) {
        for (ConstraintShape.Member member : shape.members()) {
            SdkField<?> field = pojo.sdkFields().stream()
                    .filter(f -> member.wireName().equals(f.locationName())).findFirst().orElse(null);
            if (field == null) {
                missing.add(path + "." + member.wireName());
                continue;
            }
            ConstraintShape target = TABLE.shape(member.target());
            if (target.type().equals("structure")) {
                collectMissing(target, field.constructor().get(), path + "." + member.wireName(), missing);
            } else if (target.type().equals("list")) {
                ConstraintShape element = TABLE.shape(target.listMember());
                SdkField<?> elementField = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                if (element.type().equals("structure")) {
                    collectMissing(element, elementField.constructor().get(), path + "." + member.wireName(), missing);
                }
            }
        }
    }
}
