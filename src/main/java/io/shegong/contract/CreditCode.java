package io.shegong.contract;

import io.shegong.core.error.ApiException;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the 31 the
 * standard allows (digits and capitals without I, O, S, V, Z), the last a check character
 * computed from the first 17 with the standard's weights, modulo 31.
 */
public final class CreditCode {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** The code as stored (upper case, trimmed), or BAD_USER_INPUT at `field` saying what is wrong. */
    public static String check(String given, String field) {
        String code = given.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 18) {
            throw ApiException.badInput(field, "a unified social credit code has 18 characters; this one has " + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                throw ApiException.badInput(field, "character " + (i + 1) + " '" + code.charAt(i)
                        + "' cannot appear in a unified social credit code (digits and capitals except I, O, S, V, Z)");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            throw ApiException.badInput(field, "the check character of this unified social credit code should be '"
                    + expected + "', not '" + code.charAt(17) + "': a character is mistyped");
        }
        return code;
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARS.charAt((31 - sum % 31) % 31);
    }
}
