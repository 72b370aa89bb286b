package ai.foresight.planner.agent;

import ai.foresight.planner.objective.FrameWeighting;
import ai.foresight.planner.objective.GoalObjectiveConfig;

/**
 * Settings of a {@link GoalReachingAgent}. Steps are model (frame) steps: one is k environment actions.
 *
 * @param planner which sequence optimiser plans
 * @param samples candidates per optimiser iteration (0: the optimiser's published default)
 * @param iterations optimiser iterations, Adam steps for gradient planning (0: the published default)
 * @param initSigma the optimiser's initial standard deviation in normalised action units (0: the published default,
 *     CEM's 1); see {@link PlannerKind#create}
 * @param horizon model steps per plan
 * @param executeSteps model steps executed from each plan before replanning (the rest warm-starts the next
 *     plan); equal to {@code horizon} for open-loop execution
 * @param proprioWeight alpha, weight of the proprio distance in the goal cost (DINO-WM: 1 for Wall and PushT,
 *     0 for PointMaze)
 * @param frames which predicted frames count: the last (DINO-WM) or all, discounted
 * @param seed seed of the optimiser's random stream
 * @param disagreementWeight lambda on an ensemble's spread in the goal cost ({@link GoalObjectiveConfig}); 0 for a single
 *     model
 */
public record AgentConfig(
        PlannerKind planner, int samples, int iterations, float initSigma, int horizon, int executeSteps, float proprioWeight,
        FrameWeighting frames, long seed, float disagreementWeight) {

    public AgentConfig {
        if (planner == null) {
            throw new IllegalArgumentException("planner: expected one of " + String.join(", ", PlannerKind.ids()) + ", got null");
        }
        if (samples < 0 || iterations < 0) {
            throw new IllegalArgumentException("samples/iterations: expected >= 0 (0 = default), got " + samples + ", " + iterations);
        }
        if (!(initSigma >= 0) || !Float.isFinite(initSigma)) {
            throw new IllegalArgumentException("initSigma: expected a finite value >= 0 (0 = the optimiser's default), got " + initSigma);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon: expected at least 1 model step, got " + horizon);
        }
        if (executeSteps < 1 || executeSteps > horizon) {
            throw new IllegalArgumentException("executeSteps: expected 1.." + horizon + " (the horizon), got " + executeSteps);
        }
        if (!(proprioWeight >= 0) || !Float.isFinite(proprioWeight)) {
            throw new IllegalArgumentException("proprioWeight: expected a finite value >= 0, got " + proprioWeight);
        }
        if (frames == null) {
            throw new IllegalArgumentException("frames: expected a FrameWeighting, got null");
        }
        if (!(disagreementWeight >= 0) || !Float.isFinite(disagreementWeight)) {
            throw new IllegalArgumentException("disagreementWeight: expected a finite value >= 0, got " + disagreementWeight);
        }
    }

    /** A single model's agent: no ensemble penalty. */
    public AgentConfig(PlannerKind planner, int samples, int iterations, float initSigma, int horizon, int executeSteps,
            float proprioWeight, FrameWeighting frames, long seed) {
        this(planner, samples, iterations, initSigma, horizon, executeSteps, proprioWeight, frames, seed, 0f);
    }

    /**
     * Weight γ of imagined frame t in the default goal cost, γ^t over every frame. DINO-WM scores the last
     * imagined frame only; under MPC that executes one model step per plan, such a cost leaves the executed
     * step free to wander (the plan may leave and come back), and on Wall the agent drifted off goals it had
     * reached. Measured with one trained Wall model, 20 pairs, CEM: last frame 0.30 success, γ = 0.9 0.60.
     */
    public static final float DEFAULT_DISCOUNT = 0.9f;

    /**
     * DINO-WM's MPC: CEM with 300 samples, top 30, 10 iterations, horizon 5, execute the first model step
     * (5 environment actions at frameskip 5) and keep the rest as the warm start; feature cost of every
     * imagined frame weighted {@link #DEFAULT_DISCOUNT}^t, plus 1 x proprio.
     */
    public static AgentConfig defaults() {
        return new AgentConfig(PlannerKind.CEM, 0, 0, 0f, 5, 1, 1f, FrameWeighting.discounted(DEFAULT_DISCOUNT), 0L);
    }

    /** Tests: CEM with 32 samples and 3 iterations, horizon 2, one step executed per plan. */
    public static AgentConfig tiny() {
        return new AgentConfig(PlannerKind.CEM, 32, 3, 0f, 2, 1, 1f, FrameWeighting.lastFrame(), 0L);
    }

    public AgentConfig withPlanner(PlannerKind kind) {
        return new AgentConfig(kind, samples, iterations, initSigma, horizon, executeSteps, proprioWeight, frames, seed,
                disagreementWeight);
    }

    public AgentConfig withBudget(int newSamples, int newIterations) {
        return new AgentConfig(planner, newSamples, newIterations, initSigma, horizon, executeSteps, proprioWeight, frames, seed,
                disagreementWeight);
    }

    public AgentConfig withInitSigma(float sigma) {
        return new AgentConfig(planner, samples, iterations, sigma, horizon, executeSteps, proprioWeight, frames, seed, disagreementWeight);
    }

    /** Open loop: plan once over the horizon and execute all of it. */
    public AgentConfig openLoop() {
        return new AgentConfig(planner, samples, iterations, initSigma, horizon, horizon, proprioWeight, frames, seed, disagreementWeight);
    }

    public AgentConfig withHorizon(int newHorizon, int newExecuteSteps) {
        return new AgentConfig(planner, samples, iterations, initSigma, newHorizon, newExecuteSteps, proprioWeight, frames, seed,
                disagreementWeight);
    }

    public AgentConfig withProprioWeight(float alpha) {
        return new AgentConfig(planner, samples, iterations, initSigma, horizon, executeSteps, alpha, frames, seed, disagreementWeight);
    }

    public AgentConfig withFrames(FrameWeighting newFrames) {
        return new AgentConfig(planner, samples, iterations, initSigma, horizon, executeSteps, proprioWeight, newFrames, seed,
                disagreementWeight);
    }

    public AgentConfig withSeed(long newSeed) {
        return new AgentConfig(planner, samples, iterations, initSigma, horizon, executeSteps, proprioWeight, frames, newSeed,
                disagreementWeight);
    }

    public AgentConfig withDisagreementWeight(float lambda) {
        return new AgentConfig(planner, samples, iterations, initSigma, horizon, executeSteps, proprioWeight, frames, seed, lambda);
    }

    /** The goal objective in the model's latent space (z with a RePo bottleneck, features otherwise). */
    GoalObjectiveConfig objective(boolean zSpace) {
        return new GoalObjectiveConfig(zSpace ? GoalObjectiveConfig.LatentSpace.Z : GoalObjectiveConfig.LatentSpace.FEATURES,
                frames, proprioWeight, disagreementWeight);
    }
}
