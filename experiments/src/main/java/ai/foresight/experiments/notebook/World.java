package ai.foresight.experiments.notebook;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.shift.DistractedEnv;
import ai.foresight.datasets.shift.Shifts;
import ai.foresight.datasets.worlds.Worlds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One of the built-in worlds (DINO-WM's suite: Wall, PointMaze, PushT), ready to look at and act in.
 * A new world is already reset (seed 0), so {@link #observe()} and {@link #goal()} work at once.
 *
 * <pre>{@code
 * var world = World.wall();              // 64 px frames
 * world.step(1.0, 0.5);                  // one control step
 * Show.png(world.observe());             // the camera frame, saved and its path printed
 * var shifted = world.withDistractors("shapes,tv");
 * }</pre>
 *
 * <p>The ground-truth state ({@link #state()}) is for looking and judging only; planners see
 * observations. Not thread-safe, like the {@link Env} it wraps.
 */
public final class World {
    /** Frame side of the worlds made by the short factories. */
    public static final int DEFAULT_SIZE = 64;

    private final String id;
    private final int size;
    private final List<String> distractors;
    private final long distractorSeed;
    private final Env env;
    private long seed;

    private World(String id, int size, List<String> distractors, long distractorSeed) {
        this.id = id;
        this.size = size;
        this.distractors = List.copyOf(distractors);
        this.distractorSeed = distractorSeed;
        Env base = Worlds.create(id, size);
        this.env = distractors.isEmpty() ? base : new DistractedEnv(base, Shifts.parse(distractors, distractorSeed));
        reset(0);
    }

    /** Wall: a dot, a wall with one door, a goal on either side. */
    public static World wall() {
        return of("wall");
    }

    /** Wall with the wall and door moved at every reset (generalisation). */
    public static World wallRandom() {
        return of("wall-random");
    }

    /** PointMaze: a damped point mass in D4RL's U-maze. */
    public static World pointMaze() {
        return of("pointmaze");
    }

    /** PushT: push a T block into a goal pose (dyn4j physics). */
    public static World pushT() {
        return of("pusht");
    }

    /** World {@code id} (wall, wall-random, pointmaze, pusht) at 64 px. */
    public static World of(String id) {
        return of(id, DEFAULT_SIZE);
    }

    /** World {@code id} rendering {@code size} x {@code size} frames. */
    public static World of(String id, int size) {
        return new World(id, size, List.of(), 0);
    }

    /** Ids {@link #of} accepts. */
    public static List<String> ids() {
        return Worlds.ids();
    }

    /**
     * The same world seen through distractors and shifts (RePo's spurious variations), e.g.
     * {@code "shapes,tv"} or {@code "color-shift"}; ids: texture, shapes, tv, color-shift, lighting.
     * States, dynamics and rewards are unchanged; the new world is reset to this one's seed.
     */
    public World withDistractors(String ids) {
        return withDistractors(ids, 0);
    }

    /** As {@link #withDistractors(String)}, with the seed that fixes colours, shapes and lighting (one seed is one domain). */
    public World withDistractors(String ids, long shiftSeed) {
        List<String> list = ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(String::trim).toList();
        Shifts.validate(list);
        World shifted = new World(id, size, list, shiftSeed);
        shifted.reset(seed);
        return shifted;
    }

    /** Starts a new episode: start state, goal (and layout) drawn from {@code seed}. */
    public Observation reset(long newSeed) {
        this.seed = newSeed;
        return env.reset(newSeed);
    }

    /** The camera frame and proprio of the current state. */
    public Observation observe() {
        return env.observe();
    }

    /** The goal as a planner gets it: the goal image and goal proprio. */
    public Observation goal() {
        return env.goalObservation();
    }

    /**
     * The current state's frame without distractors (the same as {@link #observe()} for a clean world):
     * what the camera would see in the training domain.
     */
    public Observation clean() {
        return env instanceof DistractedEnv d ? d.cleanObservation() : env.observe();
    }

    /** One control step with {@code action} (clipped to the world's bounds). */
    public StepResult step(double... action) {
        return env.step(action);
    }

    /** One control step with a float action, as planners produce them. */
    public StepResult step(float[] action) {
        double[] a = new double[action.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = action[i];
        }
        return env.step(a);
    }

    /**
     * Executes {@code actions} one by one from the current state and records what the camera sees:
     * the current frame first, then one frame per action.
     */
    public Trajectory run(double[][] actions, String label) {
        List<ai.foresight.datasets.image.Frame> frames = new ArrayList<>();
        frames.add(observe().frame());
        double[] distances = new double[actions.length + 1];
        distances[0] = distance();
        for (int t = 0; t < actions.length; t++) {
            frames.add(step(actions[t]).observation().frame());
            distances[t + 1] = distance();
        }
        return new Trajectory(label, id, frames, actions, distances, success(), goal().frame());
    }

    /**
     * What {@code actions} would do from the current state, without changing this world: a fresh copy
     * of the world (same seed and layout) is put into the current state and goal and runs them.
     */
    public Trajectory preview(double[][] actions, String label) {
        World copy = new World(id, size, distractors, distractorSeed);
        copy.reset(seed);
        copy.env.resetTo(state(), env.goal());
        return copy.run(actions, label);
    }

    /** A copy of the ground-truth state (for judging, never for planning). */
    public double[] state() {
        return env.state();
    }

    /** The world's success distance from the current state to the goal. */
    public double distance() {
        return env.distanceToGoal(env.state());
    }

    /** Whether the current state meets the goal. */
    public boolean success() {
        return env.isSuccess(env.state());
    }

    /** The seed of the current episode. */
    public long seed() {
        return seed;
    }

    public String id() {
        return id;
    }

    public int size() {
        return size;
    }

    /** Distractor and shift ids over the frames (empty for a clean world). */
    public List<String> distractors() {
        return distractors;
    }

    public EnvSpec spec() {
        return env.spec();
    }

    /** The underlying environment, for the full API. */
    public Env env() {
        return env;
    }

    /**
     * {@code World[wall 64px seed 0: state [46.9, 3.11], goal [37.9, 21.5], distance 20.4 (success < 4.5)]}:
     * the first 80 characters (what JShell shows for a declaration) hold the state and goal.
     */
    @Override
    public String toString() {
        return "World[" + id + (distractors.isEmpty() ? "" : "+" + String.join("+", distractors)) + " " + size
                + "px seed " + seed + ": state " + ValueText.values(state()) + ", goal " + ValueText.values(env.goal())
                + ", distance " + ValueText.number(distance()) + " (success < "
                + ValueText.number(env.spec().successThreshold()) + ")]";
    }
}
