package io.shegong.core.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt hashing for users who log in with a password. */
public final class Passwords {
    private static final int COST = 10;
    // Compared against when a user does not exist, so that timing does not reveal usernames.
    private static final String DUMMY = hash("not-a-real-password");

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
}
