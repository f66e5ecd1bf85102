package io.shegong.core.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Request limits and switches under `shegong.graphql`. */
@ConfigurationProperties("shegong.graphql")
public class GraphQLLimits {
    private boolean introspection = true;
    private int maxDepth = 12;
    private int maxComplexity = 10000;
    private int maxAliases = 30;
    private int maxFields = 1000;
    private int maxFragments = 50;
    private int maxTokens = 10000;
    private int maxCharacters = 100000;
    private boolean statementCount = false;
    private long documentCache = 2_000_000;

    /** Characters of query text whose parsed and validated documents are kept; 0 keeps none. */
    public long getDocumentCache() {
        return documentCache;
    }

    public void setDocumentCache(long documentCache) {
        this.documentCache = documentCache;
    }

    /** Fields of an operation with its fragments expanded, as it will execute. */
    public int getMaxFields() {
        return maxFields;
    }

    public void setMaxFields(int maxFields) {
        this.maxFields = maxFields;
    }

    /** Fragment definitions in one document. */
    public int getMaxFragments() {
        return maxFragments;
    }

    public void setMaxFragments(int maxFragments) {
        this.maxFragments = maxFragments;
    }

    /** Grammar tokens in one document (whitespace and comments apart). */
    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    /** Characters in one document. */
    public int getMaxCharacters() {
        return maxCharacters;
    }

    public void setMaxCharacters(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    public boolean isIntrospection() {
        return introspection;
    }

    public void setIntrospection(boolean introspection) {
        this.introspection = introspection;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public int getMaxComplexity() {
        return maxComplexity;
    }

    public void setMaxComplexity(int maxComplexity) {
        this.maxComplexity = maxComplexity;
    }

    public int getMaxAliases() {
        return maxAliases;
    }

    public void setMaxAliases(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    /** Adds `extensions.sqlStatements` to responses: a diagnostic for N+1 checks. */
    public boolean isStatementCount() {
        return statementCount;
    }

    public void setStatementCount(boolean statementCount) {
        this.statementCount = statementCount;
    }
}
