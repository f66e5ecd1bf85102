package io.shegong.contract;

import io.shegong.policy.PolicyDocument.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a contract rule of the profile finds on a contract, with the rule's source and words. A
 * consequence the document draws (a failed evaluation ending the contract) carries the day it
 * proposes; an eligibility (renewal) is INFO, since it is a permission, never a fault.
 */
public record ContractFinding(UUID contractId, String rule, Severity severity, String messageZh, String messageEn,
                              String source, String wording, boolean bureauSetting, List<UUID> stationIds,
                              List<UUID> workerIds, LocalDate proposedEndOn) {
}
