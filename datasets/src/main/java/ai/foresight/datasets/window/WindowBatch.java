package ai.foresight.datasets.window;

import ai.foresight.datasets.image.Frame;
import java.util.Arrays;

/**
 * A batch of training windows as flat, row-major Java arrays (no deep-learning dependency; wrap them
 * with e.g. {@code NDManager.create(float[], Shape)}). B = batch, F = H + n frames, k = frameskip.
 *
 * @param batch B
 * @param frames F
 * @param height frame height
 * @param width frame width
 * @param frameskip k
 * @param actionDim A, one environment action's size; a window action has k·A values
 * @param proprioDim P
 * @param stateDim S
 * @param obs (B, F, H, W, 3) uint8 frames, frame j of window b is episode step start[b] + j·k
 * @param obsClean (B, F, H, W, 3) distractor-free frames, or {@code null} when the dataset has none
 * @param actions (B, F, k·A) float32: row j concatenates the k actions taken from frame j to frame
 *     j + 1 (for the last frame: the k actions after it), normalised when the sampler normalises
 * @param proprio (B, F, P) float32 proprio at each frame, normalised when the sampler normalises
 * @param state (B, F, S) float64 ground-truth state at each frame (never normalised)
 * @param reward (B, F) float32 reward of each frame's state (never normalised)
 * @param episode (B) dataset episode index of each window
 * @param start (B) episode step of each window's first frame
 */
public record WindowBatch(int batch, int frames, int height, int width, int frameskip, int actionDim, int proprioDim,
        int stateDim, byte[] obs, byte[] obsClean, float[] actions, float[] proprio, double[] state, float[] reward,
        int[] episode, int[] start) {

    /** Values per window action, k·A. */
    public int actionWidth() {
        return frameskip * actionDim;
    }

    /** Frame j of window b (a copy). */
    public Frame frame(int b, int j) {
        int n = height * width * 3;
        int at = (b * frames + j) * n;
        return new Frame(height, width, Arrays.copyOfRange(obs, at, at + n));
    }

    /** The k·A action values of window b at frame j (a copy). */
    public float[] actionsAt(int b, int j) {
        int w = actionWidth();
        int at = (b * frames + j) * w;
        return Arrays.copyOfRange(actions, at, at + w);
    }

    /** The proprio of window b at frame j (a copy). */
    public float[] proprioAt(int b, int j) {
        int at = (b * frames + j) * proprioDim;
        return Arrays.copyOfRange(proprio, at, at + proprioDim);
    }

    @Override
    public String toString() {
        return "WindowBatch[B=" + batch + ", F=" + frames + ", " + height + "x" + width + "x3, k=" + frameskip + ", A="
                + actionDim + ", P=" + proprioDim + ", S=" + stateDim + (obsClean != null ? ", +clean" : "") + "]";
    }
}
