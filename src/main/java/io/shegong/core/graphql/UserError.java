package io.shegong.core.graphql;

import io.shegong.core.error.ApiException;

import java.util.Arrays;
import java.util.List;

/** A mutation's failure as data: the input path at fault, a code and a message for the user. */
public record UserError(List<String> field, String code, String message) {

    static UserError of(ApiException e) {
        List<String> path = e.field() == null ? null : Arrays.asList(e.field().split("\\."));
        return new UserError(path, e.code().name(), e.getMessage());
    }
}
