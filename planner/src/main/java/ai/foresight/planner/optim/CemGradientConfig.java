package ai.foresight.planner.optim;

/**
 * Settings of {@link CemGradientOptimizer}: a CEM search, then gradient refinement of its best.
 *
 * @param cem the sampling stage
 * @param gradient the refinement stage (its extra starts perturb the CEM best)
 */
public record CemGradientConfig(CemConfig cem, GradientConfig gradient) {

    public CemGradientConfig {
        if (cem == null) {
            throw new IllegalArgumentException("cem: expected a CemConfig, got null");
        }
        if (gradient == null) {
            throw new IllegalArgumentException("gradient: expected a GradientConfig, got null");
        }
    }

    /** DINO-WM's CEM followed by 30 Adam steps on its best sequence. */
    public static CemGradientConfig defaults() {
        return new CemGradientConfig(CemConfig.defaults(), GradientConfig.refinement());
    }

    /** A small, fast setting for tests. */
    public static CemGradientConfig tiny() {
        return new CemGradientConfig(CemConfig.tiny(), GradientConfig.refinement().withSteps(20));
    }
}
