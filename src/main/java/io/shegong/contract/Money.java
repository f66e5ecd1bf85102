package io.shegong.contract;

import io.shegong.core.error.ApiException;

import java.math.BigDecimal;

/**
 * Amounts in CNY as exact decimals: the API carries them as text (`"150000.00"`) so that no
 * client's floating point rounds a fen away, and the columns are numeric(14, 2).
 */
public final class Money {
    private static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {
    }

    /** A non-negative amount of at most two decimals (fen), or BAD_USER_INPUT at `field`. */
    public static BigDecimal parse(String text, String field) {
        return decimal(text, field, "an amount", "a decimal number of yuan, e.g. 150000.00");
    }

    /** A non-negative score of at most two decimals, or BAD_USER_INPUT at `field`. */
    static BigDecimal score(String text, String field) {
        return decimal(text, field, "a score", "a decimal number, e.g. 86.5");
    }

    private static BigDecimal decimal(String text, String field, String what, String example) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badInput(field, what + " is " + example + "; '" + text + "' is not one");
        }
        if (amount.signum() < 0) {
            throw ApiException.badInput(field, what + " must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ApiException.badInput(field, what + " has at most 2 decimals; " + text + " has more");
        }
        if (amount.compareTo(MAX) > 0) {
            throw ApiException.badInput(field, "an amount is at most " + MAX.toPlainString());
        }
        return amount.setScale(2);
    }

    /** As the API shows an amount: plain, two decimals. */
    public static String text(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }
}
