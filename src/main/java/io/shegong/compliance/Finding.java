package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Severity;

import java.util.List;
import java.util.UUID;

/** One thing a station or worker lacks (or an advisory about it), with the rule's source. */
public record Finding(String rule, Severity severity, String messageZh, String messageEn, String source,
                      UUID stationId, List<UUID> workerIds, boolean unevaluated) {

    public Finding(String rule, Severity severity, String messageZh, String messageEn, String source,
                   UUID stationId, List<UUID> workerIds) {
        this(rule, severity, messageZh, messageEn, source, stationId, workerIds, false);
    }

    /**
     * A rule whose expression failed at run time for this station or worker: INFO, never a
     * failure of the worker, so that a fault in the profile cannot pass for one in the station.
     */
    static Finding unevaluated(String rule, String source, UUID stationId, List<UUID> workerIds, String reason) {
        return new Finding(rule, Severity.INFO, "规则无法计算，请检查政策配置：" + reason,
                "the rule could not be evaluated; check the profile: " + reason, source, stationId, workerIds, true);
    }
}
