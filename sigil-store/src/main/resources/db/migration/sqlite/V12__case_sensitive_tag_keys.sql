-- Tag keys of IAM resources other than users and roles are case sensitive: "if you have tagged a customer managed
-- policy with the Costcenter = 1234 tag and you add the costcenter = 5678 tag, the policy will have both" (IAM User
-- Guide, "Tagging IAM resources", case sensitivity). Their unique keys compare exactly; users' and roles' stay
-- without case.
DROP INDEX policy_tags_key;
CREATE UNIQUE INDEX policy_tags_key ON policy_tags (owner_id, tag_key);
DROP INDEX instance_profile_tags_key;
CREATE UNIQUE INDEX instance_profile_tags_key ON instance_profile_tags (owner_id, tag_key);
DROP INDEX mfa_device_tags_key;
CREATE UNIQUE INDEX mfa_device_tags_key ON mfa_device_tags (owner_id, tag_key);
DROP INDEX server_certificate_tags_key;
CREATE UNIQUE INDEX server_certificate_tags_key ON server_certificate_tags (owner_id, tag_key);
DROP INDEX oidc_provider_tags_key;
CREATE UNIQUE INDEX oidc_provider_tags_key ON oidc_provider_tags (owner_id, tag_key);
DROP INDEX saml_provider_tags_key;
CREATE UNIQUE INDEX saml_provider_tags_key ON saml_provider_tags (owner_id, tag_key);
