package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Severity;

import java.util.List;
import java.util.UUID;

/** One thing a station or worker lacks (or an advisory about it), with the rule's source. */
public record Finding(String rule, Severity severity, String messageZh, String messageEn, String source,
                      UUID stationId, List<UUID> workerIds) {
}
