package io.sigil.iam.service;

import io.sigil.iam.Arns;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.SigningCertificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The credential report's CSV (IAM User Guide, "Getting credential reports for your AWS account" › "Understanding
 * the report format"; spec §5.6): the 22 columns in AWS's order, one row for the root user ({@code <root_account>})
 * and one per IAM user, with AWS's value vocabulary: {@code TRUE}/{@code FALSE}, {@code N/A} ("not applicable"),
 * {@code not_supported} (the root user's password columns), {@code no_information} (a password never used), and
 * ISO 8601 times as the report writes them, {@code 2015-02-19T21:26:11+00:00}. Fields holding a comma or a quote are
 * quoted (RFC 4180): user names may contain commas.
 */
final class CredentialReportCsv {

    static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");
    static final String ROOT_NAME = "<root_account>";
    static final String NOT_APPLICABLE = "N/A";
    static final String NOT_SUPPORTED = "not_supported";
    static final String NO_INFORMATION = "no_information";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');

    /**
     * One row.
     *
     * @param name the user name, or null for the root user
     * @param password the user's password facts, null when the user has none; ignored for the root user
     * @param rootPasswordLastUsed the root user's last sign-in with its password, or null
     */
    void row(String accountId, String name, String arn, Instant created, LoginFacts.Password password,
            Instant rootPasswordLastUsed, boolean mfaActive, List<AccessKey> keys, List<SigningCertificate> certs) {
        List<String> f = new ArrayList<>(COLUMNS.size());
        f.add(name == null ? ROOT_NAME : name);
        f.add(name == null ? Arns.root(accountId) : arn);
        f.add(time(created));
        if (name == null) {
            f.add(NOT_SUPPORTED);
            f.add(rootPasswordLastUsed == null ? NO_INFORMATION : time(rootPasswordLastUsed));
            f.add(NOT_SUPPORTED);
            f.add(NOT_SUPPORTED);
        } else if (password == null) {
            f.addAll(List.of("FALSE", NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE));
        } else {
            f.add("TRUE");
            f.add(password.lastUsed() == null ? NO_INFORMATION : time(password.lastUsed()));
            f.add(time(password.lastChanged()));
            f.add(password.nextRotation() == null ? NOT_APPLICABLE : time(password.nextRotation()));
        }
        f.add(bool(mfaActive));
        List<AccessKey> ordered = keys.stream().sorted(Comparator.comparing(AccessKey::createDate)
                .thenComparing(AccessKey::id)).toList();
        for (int i = 0; i < 2; i++) {
            key(f, i < ordered.size() ? ordered.get(i) : null);
        }
        List<SigningCertificate> certsInOrder = certs.stream().sorted(Comparator
                .comparing(SigningCertificate::uploadDate).thenComparing(SigningCertificate::id)).toList();
        for (int i = 0; i < 2; i++) {
            SigningCertificate c = i < certsInOrder.size() ? certsInOrder.get(i) : null;
            f.add(bool(c != null && c.status() == io.sigil.iam.model.AccessKeyStatus.ACTIVE));
            f.add(c == null ? NOT_APPLICABLE : time(c.uploadDate()));
        }
        out.append(String.join(",", f.stream().map(CredentialReportCsv::field).toList())).append('\n');
    }

    String csv() {
        return out.toString();
    }

    /**
     * "access_key_1_active: When the user has an access key and the access key's status is Active, this value is
     * TRUE"; "_last_rotated: ... If the user does not have an active access key, the value in this field is N/A";
     * "_last_used_*: ... N/A when the key has never been used".
     */
    private static void key(List<String> f, AccessKey k) {
        boolean active = k != null && k.isActive();
        f.add(bool(active));
        f.add(active ? time(k.createDate()) : NOT_APPLICABLE);
        var used = k == null ? null : k.lastUsed();
        f.add(used == null ? NOT_APPLICABLE : time(used.date()));
        f.add(used == null || used.region() == null ? NOT_APPLICABLE : used.region());
        f.add(used == null || used.serviceName() == null ? NOT_APPLICABLE : used.serviceName());
    }

    private static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    private static String field(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
