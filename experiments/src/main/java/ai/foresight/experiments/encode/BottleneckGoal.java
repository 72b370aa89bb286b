package ai.foresight.experiments.encode;

import java.util.List;
import java.util.Map;

/**
 * Whether a world model's latent does what RePo's information bottleneck is for (Zhu et al., "RePo: Resilient
 * Model-Based Reinforcement Learning by Regularizing Posterior Predictability", NeurIPS 2023), judged by held-out
 * probes on a dataset with moving-shape distractors: the agent's state stays decodable from the latent (R² at least
 * {@link #AGENT_R2} for each of {@link ProbeGoals#forLatent}'s targets) while the distractors' mean R² falls to at
 * most {@link #DISTRACTOR_SHARE} of what the frozen patches the latent reads give. The patches must hold the
 * distractors in the first place (mean R² above {@link #MIN_PATCH_DISTRACTOR_R2}); otherwise there is nothing to
 * squeeze out and the verdict is "not judged".
 *
 * @param agentMet            per agent target, whether the latent's R² meets its goal
 * @param latentDistractorR2  mean R² of the distractor targets from the latent
 * @param patchDistractorR2   the same from the frozen patches, pooled to the latent's tokens
 */
public record BottleneckGoal(Map<String, Boolean> agentMet, double latentDistractorR2, double patchDistractorR2) {
    /** The agent-state R² the latent must keep (the world-model issue's bar). */
    public static final double AGENT_R2 = 0.9;
    /** The largest share of the patches' distractor R² the latent may keep ("far lower"). */
    public static final double DISTRACTOR_SHARE = 0.25;
    /** Below this the patches hold too little of the distractors for the comparison to mean anything. */
    public static final double MIN_PATCH_DISTRACTOR_R2 = 0.05;

    /** Judges the latent's scores {@code latentR2} (one per {@code targets} entry) on {@code world}. */
    public static BottleneckGoal judge(String world, List<String> targets, double[] latentR2, double latentDistractorR2,
            double patchDistractorR2) {
        return new BottleneckGoal(ProbeGoals.check(ProbeGoals.forLatent(world), targets, latentR2), latentDistractorR2,
                patchDistractorR2);
    }

    /** Whether the patches hold enough of the distractors to judge what the latent forgot. */
    public boolean judged() {
        return patchDistractorR2 > MIN_PATCH_DISTRACTOR_R2;
    }

    /** Whether the latent keeps at most {@link #DISTRACTOR_SHARE} of the patches' distractor R² (false if not judged). */
    public boolean distractorsSqueezed() {
        return judged() && latentDistractorR2 <= DISTRACTOR_SHARE * patchDistractorR2;
    }

    /** Whether the latent keeps every agent target at its goal (false when the world has none). */
    public boolean agentKept() {
        return !agentMet.isEmpty() && agentMet.values().stream().allMatch(b -> b);
    }

    /** Both halves of the goal. */
    public boolean met() {
        return agentKept() && distractorsSqueezed();
    }
}
