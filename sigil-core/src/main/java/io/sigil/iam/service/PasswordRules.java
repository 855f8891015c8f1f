package io.sigil.iam.service;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Which passwords an account accepts (spec §5.1), checked at every password set: CreateLoginProfile,
 * UpdateLoginProfile and ChangePassword ("Admin-set passwords must also satisfy the policy").
 *
 * <p>With a custom policy: at least MinimumPasswordLength characters and one character of each required class:
 * uppercase "from the ISO basic Latin alphabet (A to Z)", lowercase (a to z), a number (0 to 9), a symbol from
 * "! @ # $ % ^ &amp; * ( ) _ + - = [ ] { } | '" (API Reference, "UpdateAccountPasswordPolicy").
 *
 * <p>Without one, IAM's default password policy (IAM User Guide, "Set an account password policy for IAM users" ›
 * "Default password policy"): 8 to 128 characters, at least three of uppercase, lowercase, numbers and the symbols
 * "! @ # $ % ^ &amp; * ( ) &lt; &gt; [ ] { } | _ + - =", and not identical to the account's name or email address.
 * A Sigil account has neither; its id and alias stand in for them.
 *
 * <p>Every violation answers {@code PasswordPolicyViolation} "Password does not conform to the account password
 * policy.", the text IAM gives (as quoted by CloudFormation's UPDATE_FAILED events for AWS::IAM::User); IAM's
 * message does not say which rule failed, and neither does this one.
 */
public final class PasswordRules {

    public static final String VIOLATION = "Password does not conform to the account password policy.";
    public static final String CUSTOM_SYMBOLS = "!@#$%^&*()_+-=[]{}|'";
    public static final String DEFAULT_SYMBOLS = "!@#$%^&*()<>[]{}|_+-=";
    public static final int DEFAULT_MINIMUM_LENGTH = 8;
    public static final int DEFAULT_CLASSES_REQUIRED = 3;

    private PasswordRules() {
    }

    /** The rules {@code password} breaks, in words for logs and tests; empty when it is acceptable. */
    public static List<String> violations(String password, PasswordPolicy policy, Account account) {
        return policy == null ? defaultViolations(password, account) : customViolations(password, policy);
    }

    /** @throws IamException PasswordPolicyViolation if {@code password} breaks a rule */
    public static void requireConforming(String password, PasswordPolicy policy, Account account) {
        if (!violations(password, policy, account).isEmpty()) {
            throw violation();
        }
    }

    public static IamException violation() {
        return new IamException(ErrorCode.PASSWORD_POLICY_VIOLATION, VIOLATION);
    }

    private static List<String> customViolations(String password, PasswordPolicy policy) {
        List<String> out = new ArrayList<>();
        if (password.length() < policy.minimumPasswordLength()) {
            out.add("shorter than " + policy.minimumPasswordLength() + " characters");
        }
        if (policy.requireUppercaseCharacters() && !has(password, Classes.UPPER, null)) {
            out.add("no uppercase character");
        }
        if (policy.requireLowercaseCharacters() && !has(password, Classes.LOWER, null)) {
            out.add("no lowercase character");
        }
        if (policy.requireNumbers() && !has(password, Classes.NUMBER, null)) {
            out.add("no number");
        }
        if (policy.requireSymbols() && !has(password, Classes.SYMBOL, CUSTOM_SYMBOLS)) {
            out.add("no symbol");
        }
        return out;
    }

    private static List<String> defaultViolations(String password, Account account) {
        List<String> out = new ArrayList<>();
        if (password.length() < DEFAULT_MINIMUM_LENGTH) {
            out.add("shorter than " + DEFAULT_MINIMUM_LENGTH + " characters");
        }
        int classes = 0;
        for (Classes c : Classes.values()) {
            if (has(password, c, DEFAULT_SYMBOLS)) {
                classes++;
            }
        }
        if (classes < DEFAULT_CLASSES_REQUIRED) {
            out.add("fewer than three of uppercase, lowercase, numbers and symbols");
        }
        if (account != null && (password.equals(account.id()) || password.equals(account.alias()))) {
            out.add("identical to the account's name");
        }
        return out;
    }

    private enum Classes { UPPER, LOWER, NUMBER, SYMBOL }

    private static boolean has(String password, Classes c, String symbols) {
        for (int i = 0; i < password.length(); i++) {
            char ch = password.charAt(i);
            boolean match = switch (c) {
                case UPPER -> ch >= 'A' && ch <= 'Z';
                case LOWER -> ch >= 'a' && ch <= 'z';
                case NUMBER -> ch >= '0' && ch <= '9';
                case SYMBOL -> symbols.indexOf(ch) >= 0;
            };
            if (match) {
                return true;
            }
        }
        return false;
    }
}
