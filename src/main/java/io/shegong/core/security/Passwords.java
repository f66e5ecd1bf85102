package io.shegong.core.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * bcrypt hashing for users who log in with a password, the rules a password a user chooses must
 * keep, and the one-time passwords an administrator hands out.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    // bcrypt reads at most 72 bytes; a longer password would otherwise be refused by the library
    // or, in other implementations, silently cut.
    public static final int MAX_BYTES = 72;
    private static final int COST = 10;
    // Compared against when a user does not exist, so that timing does not reveal usernames.
    private static final String DUMMY = hash("not-a-real-password");
    // Letters and digits that cannot be mistaken for one another when read out or copied by hand
    // (no 0/O, 1/l/I): a one-time password often reaches its user by phone or on paper.
    private static final char[] ONE_TIME_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        String h = hash == null ? DUMMY : hash;
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), h).verified;
        return ok && hash != null;
    }

    /** Why a password a user chose cannot be taken, or null when it can. */
    public static String refusal(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "the new password must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "the new password must be at most " + MAX_BYTES + " bytes in UTF-8";
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return "the new password must not contain control characters";
        }
        if (password.isBlank()) {
            return "the new password must not be blank";
        }
        return null;
    }

    /**
     * A random password for someone else to replace at their first login: four groups of four
     * (about 92 bits), easy to read out and to type.
     */
    public static String oneTime() {
        StringBuilder b = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ONE_TIME_ALPHABET[RANDOM.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        return b.toString();
    }
}
