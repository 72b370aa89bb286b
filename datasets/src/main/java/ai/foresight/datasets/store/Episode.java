package ai.foresight.datasets.store;

import ai.foresight.datasets.image.Frame;
import java.util.Arrays;

/**
 * One recorded trajectory held in memory, in the layout of its npz file.
 *
 * <p>Shapes (T = steps): {@code obs} (T, H, W, 3) uint8, {@code obsClean} the same or absent,
 * {@code action} (T, A) float32 where row t is the action taken after observing frame t,
 * {@code proprio} (T, P) float32, {@code state} (T, S) float64, {@code reward} (T) float32.
 * Arrays are flat, row-major, and shared, not copied.
 */
public record Episode(
        int length,
        int height,
        int width,
        byte[] obs,
        byte[] obsClean,
        int actionDim,
        float[] action,
        int proprioDim,
        float[] proprio,
        int stateDim,
        double[] state,
        float[] reward) {

    public Episode {
        if (length <= 0) {
            throw new IllegalArgumentException("length: expected at least one step, got " + length);
        }
        check("obs", obs.length, (long) length * height * width * 3);
        if (obsClean != null) {
            check("obs_clean", obsClean.length, (long) length * height * width * 3);
        }
        check("action", action.length, (long) length * actionDim);
        check("proprio", proprio.length, (long) length * proprioDim);
        check("state", state.length, (long) length * stateDim);
        check("reward", reward.length, length);
    }

    private static void check(String field, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + ": expected " + expected + " elements, got " + actual);
        }
    }

    /** Frame t as seen by the camera (with distractors, if any). Copies the pixels. */
    public Frame frame(int t) {
        return slice(obs, t);
    }

    /** Frame t without distractors; the observed frame where the dataset has no clean copy. */
    public Frame cleanFrame(int t) {
        return slice(obsClean != null ? obsClean : obs, t);
    }

    public boolean hasCleanFrames() {
        return obsClean != null;
    }

    public float[] actionAt(int t) {
        return Arrays.copyOfRange(action, t * actionDim, (t + 1) * actionDim);
    }

    public float[] proprioAt(int t) {
        return Arrays.copyOfRange(proprio, t * proprioDim, (t + 1) * proprioDim);
    }

    public double[] stateAt(int t) {
        return Arrays.copyOfRange(state, t * stateDim, (t + 1) * stateDim);
    }

    private Frame slice(byte[] frames, int t) {
        if (t < 0 || t >= length) {
            throw new IndexOutOfBoundsException("step " + t + " outside 0.." + (length - 1));
        }
        int n = height * width * 3;
        return new Frame(height, width, Arrays.copyOfRange(frames, t * n, (t + 1) * n));
    }

    @Override
    public String toString() {
        return "Episode[T=" + length + ", frames " + height + "x" + width + "x3" + (obsClean != null ? " (+clean)" : "")
                + ", A=" + actionDim + ", P=" + proprioDim + ", S=" + stateDim + "]";
    }
}
