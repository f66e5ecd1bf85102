package io.shegong.core.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text. A console or an app sends the same few queries
 * again and again with other variables; parsing and validating each again cost a tenth of a
 * small request. The schema is fixed for the life of the process, so a document valid once stays
 * valid. Only valid documents are kept: a failed one would let a client fill the cache with
 * junk, and it costs its sender alone. A document refused before validation (too many fragments
 * or fields, a control character) throws before it could be kept. Variables are checked
 * on every request, cached document or not ({@link OperationGuard}).
 */
final class DocumentCache implements PreparsedDocumentProvider {
    private final Cache<String, PreparsedDocumentEntry> documents;

    DocumentCache(long maxCharacters) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .<String, PreparsedDocumentEntry>weigher((query, entry) -> query.length())
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = documents.getIfPresent(input.getQuery());
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                documents.put(input.getQuery(), entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }
}
