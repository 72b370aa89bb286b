package ai.foresight.planner.agent;

import ai.foresight.planner.optim.CemConfig;
import ai.foresight.planner.optim.CemGradientConfig;
import ai.foresight.planner.optim.CemGradientOptimizer;
import ai.foresight.planner.optim.CemOptimizer;
import ai.foresight.planner.optim.GradientConfig;
import ai.foresight.planner.optim.GradientOptimizer;
import ai.foresight.planner.optim.IcemConfig;
import ai.foresight.planner.optim.IcemOptimizer;
import ai.foresight.planner.optim.MppiConfig;
import ai.foresight.planner.optim.MppiOptimizer;
import ai.foresight.planner.optim.SequenceOptimizer;
import java.util.Arrays;
import java.util.List;

/** The sequence optimisers an agent can plan with, by their command-line id. */
public enum PlannerKind {
    /** Cross-entropy method (DINO-WM, PlaNet). */
    CEM("cem"),
    /** Improved CEM with coloured noise and elite reuse (Pinneri et al. 2020). */
    ICEM("icem"),
    /** Model predictive path integral (TD-MPC2's variant). */
    MPPI("mppi"),
    /** Projected Adam on the actions through the differentiable model. */
    GD("gd"),
    /** CEM, then Adam refinement of its best (Bharadhwaj et al. 2020). */
    CEM_GD("cem-gd");

    private final String id;

    PlannerKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(PlannerKind::id).toList();
    }

    /** The kind with command-line id {@code id}. */
    public static PlannerKind parse(String id) {
        for (PlannerKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("planner: expected one of " + String.join(", ", ids()) + ", got '" + id + "'");
    }

    /**
     * This kind's optimiser at its published defaults, or with {@code samples} candidates per iteration (elites
     * scaled with them), {@code iterations} iterations (Adam steps for {@link #GD}) and initial standard deviation
     * {@code initSigma} in normalised action units (CEM's and iCEM's first sampling distribution, MPPI's starting
     * and largest std, the spread of the gradient planner's random starts) where those are positive.
     */
    public SequenceOptimizer create(int samples, int iterations, float initSigma, long seed) {
        if (!(initSigma >= 0) || !Float.isFinite(initSigma)) {
            throw new IllegalArgumentException("initSigma: expected a finite value >= 0 (0 = the optimiser's default), got " + initSigma);
        }
        return switch (this) {
            case CEM -> new CemOptimizer(cem(samples, iterations, initSigma, seed));
            case ICEM -> {
                IcemConfig d = IcemConfig.defaults();
                int n = samples > 0 ? samples : d.samples();
                int elites = samples > 0 ? Math.max(1, Math.min(n / 2, n / 10)) : d.elites();
                yield new IcemOptimizer(new IcemConfig(n, elites, iterations > 0 ? iterations : d.iterations(), or(initSigma, d.initSigma()),
                        d.minSigma(), d.momentum(), d.noiseExponent(), d.populationDecay(), d.keepEliteFraction(),
                        d.addMeanAtLastIteration(), seed));
            }
            case MPPI -> {
                MppiConfig d = MppiConfig.defaults();
                int n = samples > 0 ? samples : d.samples();
                int elites = samples > 0 ? Math.max(1, n / 8) : d.elites();
                yield new MppiOptimizer(new MppiConfig(n, elites, iterations > 0 ? iterations : d.iterations(), d.temperature(),
                        d.minStd(), or(initSigma, d.maxStd()), seed));
            }
            case GD -> {
                GradientConfig d = GradientConfig.defaults();
                yield new GradientOptimizer(new GradientConfig(iterations > 0 ? iterations : d.steps(), d.learningRate(), d.beta1(),
                        d.beta2(), d.epsilon(), d.starts(), or(initSigma, d.startSigma()), seed));
            }
            case CEM_GD -> {
                GradientConfig r = GradientConfig.refinement();
                yield new CemGradientOptimizer(new CemGradientConfig(cem(samples, iterations, initSigma, seed),
                        new GradientConfig(r.steps(), r.learningRate(), r.beta1(), r.beta2(), r.epsilon(), r.starts(), r.startSigma(),
                                seed ^ 0x9E3779B97F4A7C15L)));
            }
        };
    }

    private static CemConfig cem(int samples, int iterations, float initSigma, long seed) {
        CemConfig d = CemConfig.defaults();
        int n = samples > 0 ? samples : d.samples();
        int elites = samples > 0 ? Math.max(1, n / 10) : d.elites();
        return new CemConfig(n, elites, iterations > 0 ? iterations : d.iterations(), or(initSigma, d.initSigma()), d.minSigma(),
                d.momentum(), seed);
    }

    /** {@code value} where positive, the published default otherwise. */
    private static float or(float value, float publishedDefault) {
        return value > 0 ? value : publishedDefault;
    }
}
