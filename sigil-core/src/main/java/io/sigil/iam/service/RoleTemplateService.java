package io.sigil.iam.service;

import io.sigil.iam.error.IamException;

/**
 * GetRoleTemplateVersion and AcquireRole (IAM API Reference; IAM User Guide, "Create roles automatically with role
 * manager"). Role templates are AWS's own catalogue, one per service and use case ("Overview of role templates"),
 * published by AWS and not creatable through the API. Sigil has no copy of that catalogue, so no template ARN names a
 * template here: both operations answer NoSuchEntity, as AWS does for a template ARN it does not know.
 */
public final class RoleTemplateService {

    /** @throws IamException NoSuchEntity, always: Sigil knows no role template */
    public void requireTemplate(String templateArn) {
        throw IamException.noSuchEntity("The role template with ARN " + templateArn + " cannot be found.");
    }
}
