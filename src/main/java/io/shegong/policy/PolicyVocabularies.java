package io.shegong.policy;

import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.PolicyDocument.Vocabularies;
import jakarta.inject.Singleton;

/**
 * The vocabularies a bureau's records are held to: those of the profile in force on its today.
 * A bureau with no profile in force has none yet, so it takes any code, as it did before it
 * published one.
 */
@Singleton
public class PolicyVocabularies {
    private final PolicyRepository profiles;
    private final PolicyService policies;
    private final BureauCalendar calendar;

    public PolicyVocabularies(PolicyRepository profiles, PolicyService policies, BureauCalendar calendar) {
        this.profiles = profiles;
        this.policies = policies;
        this.calendar = calendar;
    }

    public Vocabularies today() {
        return profiles.inForce(calendar.today()).map(p -> policies.compile(p).document().vocabularies()).orElse(Vocabularies.FREE);
    }
}
