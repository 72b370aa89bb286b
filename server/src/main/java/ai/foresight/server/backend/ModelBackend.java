package ai.foresight.server.backend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.nn.GradModeOff;
import ai.foresight.planner.Plan;
import ai.foresight.planner.PlannerConfig;
import ai.foresight.planner.TrajectoryPlanner;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.WorldModelRollout;
import ai.foresight.planner.objective.FrameWeighting;
import ai.foresight.planner.objective.GoalDistanceObjective;
import ai.foresight.planner.objective.GoalObjectiveConfig;
import ai.foresight.planner.optim.CemConfig;
import ai.foresight.planner.optim.CemOptimizer;
import ai.foresight.server.spi.Goal;
import ai.foresight.server.spi.GoalHandle;
import ai.foresight.server.spi.ModelInfo;
import ai.foresight.server.spi.PlanInput;
import ai.foresight.server.spi.PlanResult;
import ai.foresight.server.spi.PlannerLimits;
import ai.foresight.server.spi.PlannerSettings;
import ai.foresight.server.spi.PlanningBackend;
import ai.foresight.server.spi.WarmStart;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serves one trained model to many robots: DINO-WM's goal-reaching MPC (Zhou et al. 2024) behind the planning
 * server's {@link PlanningBackend} SPI. Each plan encodes the robot's frame with the frozen patch encoder, packs the
 * world model's context (this frame, plus earlier ones for a model with history) with {@link WorldModelRollout}, and
 * searches f·A frame actions with CEM in the model for the sequence whose last predicted latent is closest to the
 * goal's (plus alpha times the proprio distance). The robot gets the first {@code chunkFrames · f} environment actions.
 *
 * <p>This is {@code planner.agent.GoalReachingAgent}'s loop, reorganised for a server: the agent is one robot's
 * stateful controller (it encodes its goal on every reset and its frames one at a time), while here robots' state
 * travels in the server's sessions, goals are encoded once and shared, all frames queued together go through the
 * encoder as one batch, and each request may choose its own search size.
 *
 * <p>API units: every returned row is one environment action executed for one step, so {@code frameskip} in
 * {@link #info()} is 1, the chunk is {@code chunkFrames · f} rows and horizons count environment steps (rounded up to
 * whole latent frames when planning; the reply's planned rest is cut to the requested horizon).
 *
 * <p>Warm start: each robot's {@link SessionState} keeps its {@link TrajectoryPlanner} (previous solution shifted by
 * the chunk, seeded CEM stream) and recent observations. Every array lives in a sub-manager closed when its call
 * ends; goals live in their own sub-manager until their handle closes, so memory is flat between calls.
 *
 * <p>Not thread-safe for planning (the server calls it from one worker thread); {@link #info()} is immutable. Each
 * call switches libtorch's autograd recording off on its thread while it runs ({@link GradModeOff}).
 */
public final class ModelBackend implements PlanningBackend, AutoCloseable {
    private final ServedModel model;
    private final ModelBackendConfig config;
    private final NDManager manager;
    private final ModelInfo info;
    private final FrameEncoder frames;
    private final WorldModelRollout rollout;
    private final DataNormalization normalization;
    private final GoalObjectiveConfig objective;
    private final float[] frameLow;
    private final float[] frameHigh;
    private long searches;
    private volatile boolean closed;

    /**
     * @param model  borrowed; its owner closes it after this backend
     * @param parent the backend's arrays live in a sub-manager of it (and on its device)
     */
    public ModelBackend(ServedModel model, ModelBackendConfig config, NDManager parent) {
        if (model == null || config == null || parent == null) {
            throw new IllegalArgumentException("model, config, parent: expected non-null values");
        }
        this.model = model;
        this.config = config;
        int f = model.frameskip();
        int p = model.proprioDim();
        this.info = new ModelInfo(model.modelId(), model.imageHeight(), model.imageWidth(), model.actionDim(),
                model.actionLow(), model.actionHigh(), 1, config.chunkFrames() * f, p,
                new PlannerSettings(config.horizonFrames() * f, config.samples(), config.iterations(), config.elites()),
                new PlannerLimits(config.maxHorizonFrames() * f, config.maxSamples(), config.maxIterations(),
                        config.maxElites()));
        this.frames = new FrameEncoder(model.encoder());
        this.normalization = model.normalization();
        this.rollout = new WorldModelRollout(model.worldModel(), normalization);
        this.frameLow = tiled(model.actionLow(), f);
        this.frameHigh = tiled(model.actionHigh(), f);
        float alpha = p == 0 ? 0f : config.proprioWeight();
        this.objective = new GoalObjectiveConfig(model.worldModel().config().usesRepo()
                ? GoalObjectiveConfig.LatentSpace.Z : GoalObjectiveConfig.LatentSpace.FEATURES,
                FrameWeighting.discounted(AgentConfig.DEFAULT_DISCOUNT), alpha);
        this.manager = parent.newSubManager();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    public ModelBackendConfig config() {
        return config;
    }

    public ServedModel model() {
        return model;
    }

    /** The manager every array of this backend lives under (for memory accounting). */
    public NDManager manager() {
        return manager;
    }

    @Override
    public GoalHandle encodeGoal(Frame frame, float[] goalProprio) {
        requireOpen();
        checkObservation("goal", frame, goalProprio);
        NDManager goalManager = manager.newSubManager();
        try (GradModeOff off = GradModeOff.enter(); NDManager scratch = goalManager.newSubManager()) {
            NDArray features = frames.encode(List.of(frame), scratch).get(0);
            ai.foresight.planner.objective.Goal goal = rollout.goal(features,
                    objective.proprioWeight() > 0 ? goalProprio : null);
            for (NDArray kept : new NDArray[] {goal.features(), goal.z(), goal.proprio()}) {
                if (kept != null) {
                    kept.attach(goalManager);
                }
            }
            return new EncodedGoal(this, goalManager, goal);
        } catch (RuntimeException e) {
            goalManager.close();
            throw e;
        }
    }

    @Override
    public PlanResult plan(PlanInput input, WarmStart previous) {
        return planBatch(List.of(input), Arrays.asList(previous)).get(0);
    }

    /**
     * Plans several robots: one encoder pass over every observation and inline goal frame, then one CEM search per
     * robot. Inputs are all checked before anything runs, so a bad one fails the batch without touching any robot's
     * warm start. Each result reports the whole batch's encoding time as its {@code encodeMs} (what its robot waited).
     */
    @Override
    public List<PlanResult> planBatch(List<PlanInput> inputs, List<WarmStart> previous) {
        requireOpen();
        if (inputs == null || previous == null || inputs.size() != previous.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs and previous: expected equal, non-zero lengths, got "
                    + (inputs == null ? "null" : inputs.size()) + " and " + (previous == null ? "null" : previous.size()));
        }
        List<Frame> batch = new ArrayList<>();
        List<Frame> goalFrames = new ArrayList<>();
        int[] goalRows = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            PlanInput input = inputs.get(i);
            checkObservation("observation", input.observation(), input.proprio());
            if (input.settings().horizon() < info.chunkSize()) {
                throw new IllegalArgumentException("settings.horizon: expected at least the chunk size "
                        + info.chunkSize() + ", got " + input.settings().horizon());
            }
            batch.add(input.observation());
            goalRows[i] = -1;
            if (input.goal() instanceof Goal.Observed observed) {
                checkObservation("goal", observed.frame(), observed.proprio());
                goalRows[i] = inputs.size() + goalFrames.size();
                goalFrames.add(observed.frame());
            } else if (!(((Goal.Registered) input.goal()).handle() instanceof EncodedGoal goal) || !goal.belongsTo(this)
                    || goal.isClosed()) {
                throw new IllegalArgumentException("goal: expected an open goal handle encoded by this backend");
            }
        }
        batch.addAll(goalFrames);
        try (GradModeOff off = GradModeOff.enter(); NDManager call = manager.newSubManager()) {
            long start = System.nanoTime();
            NDArray features = frames.encode(batch, call);
            double encodeMs = (System.nanoTime() - start) / 1e6;
            List<PlanResult> results = new ArrayList<>(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                results.add(planOne(inputs.get(i), previous.get(i), features, i, goalRows[i], encodeMs, call));
            }
            return results;
        }
    }

    private PlanResult planOne(PlanInput input, WarmStart previous, NDArray features, int row, int goalRow,
                               double encodeMs, NDManager call) {
        try (NDManager m = call.newSubManager()) {
            SessionState state = previous instanceof SessionState s && s.belongsTo(this) ? s : null;
            PlannerSettings settings = input.settings();
            Object goalKey = goalKey(input.goal());
            TrajectoryPlanner planner = state != null && state.continues(settings, goalKey) ? state.planner()
                    : newPlanner(settings);
            ContextHistory history = state != null ? state.history() : ContextHistory.EMPTY;
            NDArray current = features.get(row);
            current.attach(m);
            NDArray context = context(history, current, input.proprio(), m);
            GoalDistanceObjective cost = new GoalDistanceObjective(rollout, context, goal(input.goal(), features, goalRow,
                    m), objective);
            Plan plan = planner.plan(cost, m);
            planner.advance(config.chunkFrames());
            float[][] rows = ChunkLayout.environmentRows(plan.actions(), model.actionDim());
            int k = info.chunkSize();
            float[][] chunk = Arrays.copyOfRange(rows, 0, k);
            float[][] rest = Arrays.copyOfRange(rows, k, settings.horizon());
            ContextHistory next = nextHistory(history, current, input.proprio(), plan.actions()[0]);
            return new PlanResult(chunk, rest, plan.cost(), encodeMs, plan.seconds() * 1000,
                    new SessionState(this, planner, settings, goalKey, next));
        }
    }

    private TrajectoryPlanner newPlanner(PlannerSettings settings) {
        int horizonFrames = Math.max(config.chunkFrames(), ChunkLayout.framesFor(settings.horizon(), model.frameskip()));
        PlannerConfig planner = PlannerConfig.fromStatistics(horizonFrames, frameLow, frameHigh,
                normalization.frameActionMean(model.frameskip()), normalization.frameActionStd(model.frameskip()));
        CemConfig cem = new CemConfig(settings.samples(), settings.elites(), settings.iterations(), 1f, 0f, 0f,
                config.seed() + searches++);
        return new TrajectoryPlanner(planner, new CemOptimizer(cem));
    }

    /** The rollout's (h, n·C + P + f·A) context: the history's observations, then the current one. */
    private NDArray context(ContextHistory history, NDArray current, float[] proprio, NDManager m) {
        int h = history.size() + 1;
        Shape frame = current.getShape();
        NDArray window = h == 1 ? current.expandDims(0) : NDArrays.concat(new NDList(
                m.create(history.features(), new Shape(h - 1, frame.get(0), frame.get(1))), current.expandDims(0)), 0);
        float[][] proprios = null;
        if (model.proprioDim() > 0) {
            proprios = new float[h][];
            for (int t = 0; t < h - 1; t++) {
                proprios[t] = history.entries().get(t).proprio();
            }
            proprios[h - 1] = proprio;
        }
        float[][] pastActions = h == 1 ? null
                : history.entries().stream().map(ContextHistory.Entry::frameAction).toArray(float[][]::new);
        return rollout.context(window, proprios, pastActions);
    }

    /** The planner's goal: the registered handle's, or the inline goal encoded in this batch. */
    private ai.foresight.planner.objective.Goal goal(Goal goal, NDArray features, int goalRow, NDManager m) {
        if (goal instanceof Goal.Observed observed) {
            NDArray goalFeatures = features.get(goalRow);
            goalFeatures.attach(m);
            return rollout.goal(goalFeatures, objective.proprioWeight() > 0 ? observed.proprio() : null);
        }
        return ((EncodedGoal) ((Goal.Registered) goal).handle()).goal();
    }

    /** The history for the next plan: grows only when chunks are one frame and the model looks at several frames. */
    private ContextHistory nextHistory(ContextHistory history, NDArray current, float[] proprio,
                                       float[] executedFrameAction) {
        int capacity = model.predictor().historyFrames() - 1;
        if (config.chunkFrames() != 1 || capacity < 1) {
            return ContextHistory.EMPTY;
        }
        return history.append(new ContextHistory.Entry(current.toFloatArray(), proprio.clone(),
                executedFrameAction.clone()), capacity);
    }

    /** Identifies a goal for warm-start continuity: the handle itself, or the content of an inline goal. */
    private static Object goalKey(Goal goal) {
        if (goal instanceof Goal.Registered registered) {
            return registered.handle();
        }
        Goal.Observed observed = (Goal.Observed) goal;
        return List.of(Arrays.hashCode(observed.frame().data()), Arrays.hashCode(observed.proprio()));
    }

    private void checkObservation(String field, Frame frame, float[] proprioValues) {
        if (frame.height() != info.imageHeight() || frame.width() != info.imageWidth()) {
            throw new IllegalArgumentException(field + ".image: expected " + info.imageHeight() + "x" + info.imageWidth()
                    + " pixels, got " + frame.height() + "x" + frame.width());
        }
        if (proprioValues.length != info.proprioDim()) {
            throw new IllegalArgumentException(field + ".proprio: expected length " + info.proprioDim() + ", got "
                    + proprioValues.length);
        }
    }

    private static float[] tiled(float[] values, int times) {
        float[] out = new float[values.length * times];
        for (int t = 0; t < times; t++) {
            System.arraycopy(values, 0, out, t * values.length, values.length);
        }
        return out;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("backend: already closed");
        }
    }

    /** Frees every array the backend still holds (open goal handles included); the model stays with its owner. */
    @Override
    public void close() {
        closed = true;
        manager.close();
    }

    @Override
    public String toString() {
        return "ModelBackend[" + model.modelId() + ", " + config + "]";
    }
}
