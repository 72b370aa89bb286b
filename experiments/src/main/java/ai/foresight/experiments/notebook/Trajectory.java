package ai.foresight.experiments.notebook;

import ai.foresight.datasets.image.Frame;
import java.util.List;

/**
 * Frames of a world as actions were executed in it: frame 0 is the start, frame t + 1 follows action t.
 * {@link Show#gif(Trajectory)} animates it next to the goal image.
 *
 * @param label what produced it, e.g. {@code plan-cem} (used in file names)
 * @param world world id
 * @param frames T + 1 camera frames
 * @param actions (T, A) executed actions, world units
 * @param distances T + 1 success distances to the goal, one per frame
 * @param success whether the last state meets the goal
 * @param goalFrame the goal image (null when there is none)
 */
public record Trajectory(String label, String world, List<Frame> frames, double[][] actions, double[] distances,
        boolean success, Frame goalFrame) {

    public Trajectory {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("frames: expected at least the start frame, got none");
        }
        if (actions == null || distances == null || distances.length != frames.size()) {
            throw new IllegalArgumentException("distances: expected one per frame (" + frames.size() + "), got "
                    + (distances == null ? "null" : distances.length));
        }
        frames = List.copyOf(frames);
    }

    /** Actions executed, T. */
    public int steps() {
        return actions.length;
    }

    /** Success distance at the start. */
    public double startDistance() {
        return distances[0];
    }

    /** Success distance at the end. */
    public double finalDistance() {
        return distances[distances.length - 1];
    }

    @Override
    public String toString() {
        return "Trajectory[" + label + " in " + world + ": " + steps() + " steps, distance "
                + ValueText.number(startDistance()) + " -> " + ValueText.number(finalDistance())
                + (success ? ", goal reached" : ", goal not reached") + ", actions " + ValueText.of(actions) + "]";
    }
}
