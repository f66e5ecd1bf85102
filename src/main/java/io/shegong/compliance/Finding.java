package io.shegong.compliance;

import io.shegong.policy.PolicyDocument.Basis;
import io.shegong.policy.PolicyDocument.Severity;

import java.util.List;
import java.util.UUID;

/**
 * One thing a station or worker lacks (or an advisory about it), with the rule's source and the
 * document's words that set its severity; `wording` is null for the service's own checks.
 */
public record Finding(String rule, Severity severity, String messageZh, String messageEn, String source,
                      String wording, boolean bureauSetting, UUID stationId, List<UUID> workerIds, boolean unevaluated) {

    /** A finding of the service's own, not of a rule of the profile. */
    public Finding(String rule, Severity severity, String messageZh, String messageEn, String source,
                   UUID stationId, List<UUID> workerIds) {
        this(rule, severity, messageZh, messageEn, source, null, false, stationId, workerIds, false);
    }

    /**
     * A finding of a profile's rule, weighing what the rule's wording sets. A bureau setting says
     * so in both messages: what it measures against is the bureau's choice, not the document's.
     */
    static Finding of(String rule, Basis basis, String messageZh, String messageEn, UUID stationId, List<UUID> workerIds) {
        String zh = basis.bureauSetting() ? messageZh + "（本局自行设定，非文件规定）" : messageZh;
        String en = basis.bureauSetting() ? messageEn + " (the bureau's own setting, not the document's)" : messageEn;
        return new Finding(rule, basis.severity(), zh, en, basis.source(), basis.wording(), basis.bureauSetting(),
                stationId, workerIds, false);
    }

    /**
     * A rule whose expression failed at run time for this station or worker: INFO, never a
     * failure of the worker, so that a fault in the profile cannot pass for one in the station.
     */
    static Finding unevaluated(String rule, String source, UUID stationId, List<UUID> workerIds, String reason) {
        return new Finding(rule, Severity.INFO, "规则无法计算，请检查政策配置：" + reason,
                "the rule could not be evaluated; check the profile: " + reason, source, null, false, stationId, workerIds, true);
    }
}
