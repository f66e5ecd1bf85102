package io.shegong.core.graphql;

/** The shapes of the codes clients send: one definition for annotations, patterns and messages. */
public final class Codes {
    /** A bureau's code for something: lower-case letters, digits, `_` or `-`, starting with a letter. */
    public static final String CODE = "[a-z][a-z0-9_-]{0,63}";
    public static final String CODE_MESSAGE = "must be lower-case letters, digits, '_' or '-', starting with a letter";
    /** A tenant's code, as the `tenant` table's check has it; tokens carry it in their `tenant` claim. */
    public static final String TENANT_CODE = "[a-z][a-z0-9_-]{1,39}";
    public static final String TENANT_CODE_MESSAGE =
            "must be 2-40 lower-case letters, digits, '_' or '-', starting with a letter";

    private Codes() {
    }
}
