package ai.foresight.experiments.evaluate;

import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.PlannerKind;
import ai.foresight.planner.objective.FrameWeighting;
import java.nio.file.Path;
import java.util.List;

/**
 * One closed-loop evaluation of a trained model under the fixed-budget protocol.
 *
 * @param world world to evaluate in (the model's, or a variant with the same action and proprio sizes such as
 *     {@code wall-random} for a Wall model)
 * @param planner sequence optimiser
 * @param pairs start/goal pairs (50 by protocol)
 * @param budget environment steps per episode; 0 for the world's default ({@link #defaultBudget}), or one plan's
 *     length in open-loop mode
 * @param openLoop plan once and execute the whole plan instead of replanning after each model step
 * @param horizon model steps per plan
 * @param samples candidates per optimiser iteration, 0 for the optimiser's default
 * @param iterations optimiser iterations, 0 for the optimiser's default
 * @param protocolSeed seed the pairs derive from
 * @param gifs how many of the first episodes get an animated GIF in the report
 * @param discount 0 to score only the last imagined frame (DINO-WM), or gamma in (0, 1] to score every imagined
 *     frame with weight gamma^t (reaching the goal early and staying there wins)
 * @param initSigma the optimiser's initial standard deviation in normalised action units, 0 for its default
 * @param trueDynamics plan with the simulator's dynamics and the ground-truth state instead of the model
 *     ({@link ai.foresight.experiments.eval.TrueDynamicsAgent}): the planner's ceiling, outside the protocol
 * @param proprioWeight alpha of the goal cost's proprio term; negative for {@link #DEFAULT_PROPRIO_WEIGHT}
 * @param ensemble further model directories planned with beside the evaluated one (an ensemble trained alike:
 *     same preset, data and encoder, other seeds); empty for a single model
 * @param disagreementWeight lambda on the ensemble's spread in the goal cost; negative for
 *     {@link #DEFAULT_DISAGREEMENT_WEIGHT} with an ensemble (a single model has none)
 */
public record EvalSpec(String world, PlannerKind planner, int pairs, int budget, boolean openLoop, int horizon, int samples,
        int iterations, long protocolSeed, int gifs, double discount, double initSigma,
        boolean trueDynamics, double proprioWeight, List<Path> ensemble, double disagreementWeight) {

    public EvalSpec {
        if (world == null || world.isBlank()) {
            throw new IllegalArgumentException("world: expected a world id, got '" + world + "'");
        }
        if (planner == null) {
            throw new IllegalArgumentException("planner: expected one of " + String.join(", ", PlannerKind.ids()) + ", got null");
        }
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs: expected at least 1, got " + pairs);
        }
        if (!(discount >= 0 && discount <= 1)) {
            throw new IllegalArgumentException("discount: expected 0 (last frame only) or a gamma in (0, 1], got " + discount);
        }
        if (!(initSigma >= 0) || Double.isInfinite(initSigma)) {
            throw new IllegalArgumentException("initSigma: expected a finite value >= 0 (0 = the optimiser's default), got " + initSigma);
        }
        if (Double.isNaN(proprioWeight) || Double.isInfinite(proprioWeight)) {
            throw new IllegalArgumentException("proprioWeight: expected a finite weight (negative = the default, 1), got " + proprioWeight);
        }
        ensemble = ensemble == null ? List.of() : List.copyOf(ensemble);
        if (Double.isNaN(disagreementWeight) || Double.isInfinite(disagreementWeight)) {
            throw new IllegalArgumentException("disagreementWeight: expected a finite weight (negative = the default), got "
                    + disagreementWeight);
        }
        if (ensemble.isEmpty() && disagreementWeight > 0) {
            throw new IllegalArgumentException("disagreementWeight: " + disagreementWeight
                    + " needs an ensemble (further models to plan with); a single model has no spread");
        }
        if (trueDynamics && !ensemble.isEmpty()) {
            throw new IllegalArgumentException("ensemble: the true dynamics plan without a model; expected no ensemble, got "
                    + ensemble.size() + " models");
        }
        if (budget < 0 || horizon < 1 || samples < 0 || iterations < 0 || gifs < 0) {
            throw new IllegalArgumentException("budget/horizon/samples/iterations/gifs: expected budget >= 0, horizon >= 1, others >= 0, got "
                    + budget + ", " + horizon + ", " + samples + ", " + iterations + ", " + gifs);
        }
    }

    /** A single model's evaluation (no ensemble). */
    public EvalSpec(String world, PlannerKind planner, int pairs, int budget, boolean openLoop, int horizon, int samples,
            int iterations, long protocolSeed, int gifs, double discount, double initSigma, boolean trueDynamics, double proprioWeight) {
        this(world, planner, pairs, budget, openLoop, horizon, samples, iterations, protocolSeed, gifs, discount, initSigma,
                trueDynamics, proprioWeight, List.of(), -1);
    }

    /** The protocol: 50 pairs, MPC with CEM at DINO-WM's settings, the world's default budget, 4 GIFs. */
    public static EvalSpec defaults(String world) {
        return new EvalSpec(world, PlannerKind.CEM, 50, 0, false, 5, 0, 0, 0L, 4, 0, 0, false, -1);
    }

    /**
     * Environment steps per episode by default: 50 for Wall and PushT (twice DINO-WM's 5-step plan at
     * frameskip 5), 100 for PointMaze (its goals may lie in another arm of the maze).
     */
    public static int defaultBudget(String world) {
        return "pointmaze".equals(world) ? 100 : 50;
    }

    /**
     * Alpha of the proprio term in every world. DINO-WM plans PointMaze from vision alone (alpha 0; pass 0 to get
     * it): measured on one 24,000-step PointMaze model and the protocol's first 10 pairs, alpha 0 reached 0.30 (its
     * failures stopped 0.6–0.8 maze units short: a 4 x 4 patch grid does not resolve the last half unit) and
     * alpha 1 0.70 (planner README).
     */
    public static final float DEFAULT_PROPRIO_WEIGHT = 1f;

    /**
     * Lambda on an ensemble's spread by default: 1, the members' expected goal cost (PETS's expectation over the
     * ensemble).
     */
    public static final float DEFAULT_DISAGREEMENT_WEIGHT = 1f;

    /** Lambda this evaluation plans with: 0 without an ensemble, else the given weight or the default where negative. */
    public float effectiveDisagreementWeight() {
        if (ensemble.isEmpty()) {
            return 0f;
        }
        return disagreementWeight >= 0 ? (float) disagreementWeight : DEFAULT_DISAGREEMENT_WEIGHT;
    }

    /** Alpha this evaluation plans with: the given weight, or {@link #DEFAULT_PROPRIO_WEIGHT} where it is negative. */
    public float effectiveProprioWeight() {
        return proprioWeight >= 0 ? (float) proprioWeight : DEFAULT_PROPRIO_WEIGHT;
    }

    /** The budget this evaluation runs: the given one, one plan's length open-loop, or the world's default. */
    public int effectiveBudget(int frameskip) {
        if (budget > 0) {
            return budget;
        }
        return openLoop ? horizon * frameskip : defaultBudget(world);
    }

    /** The agent settings: MPC executing one model step per plan, or the whole plan when open-loop. */
    public AgentConfig agentConfig() {
        AgentConfig config = new AgentConfig(planner, samples, iterations, (float) initSigma, horizon, 1, effectiveProprioWeight(), frames(),
                protocolSeed, effectiveDisagreementWeight());
        return openLoop ? config.openLoop() : config;
    }

    /** Which imagined frames the goal cost scores. */
    public FrameWeighting frames() {
        return discount == 0 ? FrameWeighting.lastFrame() : FrameWeighting.discounted((float) discount);
    }

    public EvalSpec withPairs(int n) {
        return new EvalSpec(world, planner, n, budget, openLoop, horizon, samples, iterations, protocolSeed, gifs, discount, initSigma,
                trueDynamics, proprioWeight, ensemble, disagreementWeight);
    }

    public EvalSpec withBudget(int steps, int newSamples, int newIterations) {
        return new EvalSpec(world, planner, pairs, steps, openLoop, horizon, newSamples, newIterations, protocolSeed, gifs, discount,
                initSigma, trueDynamics, proprioWeight, ensemble, disagreementWeight);
    }
}
