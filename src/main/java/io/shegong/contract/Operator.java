package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A social work organisation (承接主体) the bureau buys station services from, as registered with
 * the civil-affairs registry: its unified social credit code (统一社会信用代码) identifies it.
 * Its tenant is the bound one: two bureaus may each register the same organisation.
 */
@MappedEntity("operator")
@NamingStrategy(ColumnNames.class)
public record Operator(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("name") String name,
        @MappedProperty("credit_code") String creditCode,
        @MappedProperty("registration_authority") @Nullable String registrationAuthority,
        @MappedProperty("registered_on") @Nullable LocalDate registeredOn,
        @MappedProperty("legal_representative") @Nullable String legalRepresentative,
        @MappedProperty("contact_person") @Nullable String contactPerson,
        @MappedProperty("contact_phone") @Nullable String contactPhone,
        @MappedProperty("status") String status,
        @MappedProperty("version") @Version int version,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {

    public enum Status { ACTIVE, SUSPENDED, DEREGISTERED }
}
