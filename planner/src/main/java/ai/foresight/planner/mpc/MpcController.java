package ai.foresight.planner.mpc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.planner.Plan;
import ai.foresight.planner.TrajectoryPlanner;
import ai.foresight.planner.optim.ObjectiveFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Receding-horizon control (model predictive control) as DINO-WM runs it: encode the current
 * observation, plan H actions in the model, execute the first k, observe, replan warm-started
 * from the rest of the previous plan.
 *
 * <p>By construction the controller never touches a simulator: it is given observations and
 * returns actions; the caller's loop is the only thing that steps an environment. (DINO-WM's
 * published loop checks the simulator while planning; Foresight's evaluation protocol forbids it.)
 *
 * @param <O> the observation type
 */
public final class MpcController<O> {
    private final TrajectoryPlanner planner;
    private final ContextEncoder<O> encoder;
    private final ObjectiveFactory objectives;
    private final MpcConfig config;
    private final NDManager manager;
    private final Deque<float[]> queued = new ArrayDeque<>();
    private int executedSinceLastPlan;
    private Plan lastPlan;
    private int replans;

    /**
     * @param planner plans sequences (and keeps the warm start)
     * @param encoder observation to model context
     * @param objectives context to objective (closes over goal and model)
     * @param config replanning interval k, at most the planner's horizon
     * @param manager where (and on which device) planning runs; each plan's arrays are closed after it
     */
    public MpcController(TrajectoryPlanner planner, ContextEncoder<O> encoder, ObjectiveFactory objectives,
            MpcConfig config, NDManager manager) {
        if (planner == null || encoder == null || objectives == null || config == null || manager == null) {
            throw new IllegalArgumentException("planner, encoder, objectives, config, manager: expected non-null values");
        }
        if (config.replanEvery() > planner.horizon()) {
            throw new IllegalArgumentException("replanEvery: expected at most the planner horizon " + planner.horizon()
                    + ", got " + config.replanEvery());
        }
        this.planner = planner;
        this.encoder = encoder;
        this.objectives = objectives;
        this.config = config;
        this.manager = manager;
    }

    /**
     * The next action to execute, in environment units. Plans from {@code observation} when the
     * previous plan's k actions are used up (or there is none); otherwise returns the next queued
     * action and ignores {@code observation}.
     */
    public float[] act(O observation) {
        if (queued.isEmpty()) {
            replan(observation);
        }
        executedSinceLastPlan++;
        return queued.removeFirst().clone();
    }

    /**
     * Plans now from {@code observation}, replacing any queued actions, and returns the k actions
     * the controller will hand out next (copies).
     */
    public List<float[]> replan(O observation) {
        if (observation == null) {
            throw new IllegalArgumentException("observation: expected an observation, got null");
        }
        if (lastPlan != null) {
            planner.advance(executedSinceLastPlan);
        }
        queued.clear();
        executedSinceLastPlan = 0;
        try (NDManager sub = manager.newSubManager()) {
            NDArray context = encoder.encode(observation, sub);
            ObjectiveFunction objective = objectives.create(context);
            lastPlan = planner.plan(objective, sub);
        }
        replans++;
        List<float[]> chunk = new ArrayList<>();
        for (int t = 0; t < config.replanEvery(); t++) {
            queued.addLast(lastPlan.action(t));
            chunk.add(lastPlan.action(t));
        }
        return chunk;
    }

    /** Starts a new episode: drops queued actions and the planner's warm start. */
    public void reset() {
        queued.clear();
        executedSinceLastPlan = 0;
        lastPlan = null;
        planner.reset();
    }

    /** The most recent plan (with its cost, trace and planning time), or null before the first. */
    public Plan lastPlan() {
        return lastPlan;
    }

    /** Plans made since construction. */
    public int replans() {
        return replans;
    }

    public MpcConfig config() {
        return config;
    }
}
