package io.shegong.worker;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A social worker's record. Birth date, phone and id number are personal: TENANT_ADMIN only. */
public record SocialWorker(UUID id, String name, LocalDate birthDate, String phone, String idNumber,
                           String educationLevel, String educationMajor, String certificateLevel,
                           LocalDate certificateDate, double socialWorkYears, double communityWorkYears,
                           LocalDate lastRecordCheckOn, boolean fullTime, int version, Instant createdAt,
                           Instant updatedAt) implements Identified {

    public enum EducationLevel { SECONDARY, COLLEGE, BACHELOR, MASTER, DOCTORATE }

    public enum CertificateLevel { NONE, ASSISTANT, INTERMEDIATE, SENIOR }
}
