package io.shegong.worker;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.NodeId;
import io.shegong.worker.SocialWorker.CertificateLevel;
import io.shegong.worker.SocialWorker.EducationLevel;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What a client may ask of the worker registry, with the rules each field keeps by itself. The
 * rules that need today or another field (dates not in the future, a worker of at least 16, a
 * certificate after birth, posts that do not overlap) are the services'.
 *
 * <p>Text is stripped before it is checked. Each rule on a text leaves the other rules' cases
 * alone (blank text, text too long, text not of the form), so that a bad value breaks exactly
 * one of them and the client reads one reason, whatever order they are checked in.
 */
public final class WorkerCommands {
    static final int NAME = 100;
    static final int TEXT = 200;
    static final int PHONE = 20;
    static final int ID_NUMBER = 18;

    static final String REQUIRED = "is required";
    static final String NOT_BLANK = "must not be blank";
    static final String AT_MOST = "must be at most {max} characters";
    static final String YEARS = "must be between 0.0 and 60.0";
    static final String HOURS = "must be between 0.1 and 2000.0";

    /** Digits, spaces, '+' and '-'; blank and longer text are left to the size rules. */
    static final String PHONE_FORM = "(?s)|.{21,}|[0-9+\\- ]{5,20}";
    static final String PHONE_MESSAGE = "may hold digits, spaces, '+' and '-' only";
    /** A resident id number, its check character X in either case; blank and longer text are left to the size rules. */
    static final String ID_NUMBER_FORM = "(?s)|.{19,}|[0-9]{17}[0-9Xx]";
    static final String ID_NUMBER_MESSAGE = "must be an 18-character resident id number";

    private WorkerCommands() {
    }

    @Introspected
    public record RegisterWorker(
            @NotBlank(message = NOT_BLANK) @Size(max = NAME, message = AT_MOST) String name,
            @Nullable LocalDate birthDate,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = PHONE, message = AT_MOST)
            @Pattern(regexp = PHONE_FORM, message = PHONE_MESSAGE) String phone,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = ID_NUMBER, message = AT_MOST)
            @Pattern(regexp = ID_NUMBER_FORM, message = ID_NUMBER_MESSAGE) String idNumber,
            @NotNull(message = REQUIRED) EducationLevel educationLevel,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = NAME, message = AT_MOST) String educationMajor,
            @Nullable CertificateLevel certificateLevel,
            @Nullable LocalDate certificateDate,
            @Nullable @DecimalMin(value = "0", message = YEARS) @DecimalMax(value = "60", message = YEARS)
            Double socialWorkYears,
            @Nullable @DecimalMin(value = "0", message = YEARS) @DecimalMax(value = "60", message = YEARS)
            Double communityWorkYears,
            @Nullable LocalDate lastRecordCheckOn,
            @Nullable Boolean fullTime) {
    }

    /** Fields left out keep their value; `sent` says which were given. */
    @Introspected
    public record UpdateWorker(
            @NotNull(message = REQUIRED) @NodeId("SocialWorker") UUID id,
            int version,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = NAME, message = AT_MOST) String name,
            @Nullable LocalDate birthDate,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = PHONE, message = AT_MOST)
            @Pattern(regexp = PHONE_FORM, message = PHONE_MESSAGE) String phone,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = ID_NUMBER, message = AT_MOST)
            @Pattern(regexp = ID_NUMBER_FORM, message = ID_NUMBER_MESSAGE) String idNumber,
            @Nullable EducationLevel educationLevel,
            @Nullable @Size(min = 1, message = NOT_BLANK) @Size(max = NAME, message = AT_MOST) String educationMajor,
            @Nullable CertificateLevel certificateLevel,
            @Nullable LocalDate certificateDate,
            @Nullable @DecimalMin(value = "0", message = YEARS) @DecimalMax(value = "60", message = YEARS)
            Double socialWorkYears,
            @Nullable @DecimalMin(value = "0", message = YEARS) @DecimalMax(value = "60", message = YEARS)
            Double communityWorkYears,
            @Nullable LocalDate lastRecordCheckOn,
            @Nullable Boolean fullTime,
            Set<String> sent) {
    }

    @Introspected
    public record AddTrainingRecord(
            @NotNull(message = REQUIRED) @NodeId("SocialWorker") UUID workerId,
            @NotBlank(message = NOT_BLANK) @Size(max = TEXT, message = AT_MOST) String topic,
            @NotBlank(message = NOT_BLANK) @Size(max = TEXT, message = AT_MOST) String provider,
            @NotNull(message = REQUIRED) @DecimalMin(value = "0.1", message = HOURS)
            @DecimalMax(value = "2000", message = HOURS) Double hours,
            @NotNull(message = REQUIRED) LocalDate completedOn) {
    }

    @Introspected
    public record AssignWorker(
            @NotNull(message = REQUIRED) @NodeId("SocialWorker") UUID workerId,
            @NotNull(message = REQUIRED) @NodeId("Station") UUID stationId,
            @NotNull(message = REQUIRED) Assignment.Role role,
            @NotNull(message = REQUIRED) LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @Nullable Boolean fullTime) {
    }

    @Introspected
    public record EndAssignment(
            @NotNull(message = REQUIRED) @NodeId("Assignment") UUID id,
            int version,
            @NotNull(message = REQUIRED) LocalDate endsOn) {
    }
}
