package io.shegong.core.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Request limits and switches under `shegong.graphql`. */
@ConfigurationProperties("shegong.graphql")
public class GraphQLLimits {
    private boolean introspection = true;
    private int maxDepth = 12;
    private int maxComplexity = 10000;
    private int maxAliases = 30;
    private boolean statementCount = false;

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
