package ai.foresight.planner.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * How per-step distances {@code (N, H)} become one cost per candidate {@code (N)}.
 *
 * @param mode LAST_FRAME (DINO-WM: only the final predicted frame counts) or DISCOUNTED (every step
 *     counts with weight gamma^t / sum gamma^t, so reaching the goal early and staying there wins)
 * @param discount gamma in (0, 1]; ignored by LAST_FRAME
 */
public record FrameWeighting(Mode mode, float discount) {

    /** Which frames count. */
    public enum Mode {
        LAST_FRAME,
        DISCOUNTED
    }

    public FrameWeighting {
        if (mode == null) {
            throw new IllegalArgumentException("mode: expected LAST_FRAME or DISCOUNTED, got null");
        }
        if (!(discount > 0) || !(discount <= 1)) {
            throw new IllegalArgumentException("discount: expected a value in (0, 1], got " + discount);
        }
    }

    public static FrameWeighting lastFrame() {
        return new FrameWeighting(Mode.LAST_FRAME, 1f);
    }

    public static FrameWeighting discounted(float discount) {
        return new FrameWeighting(Mode.DISCOUNTED, discount);
    }

    /** The weights over H steps, summing to 1. */
    public float[] weights(int horizon) {
        float[] w = new float[horizon];
        if (mode == Mode.LAST_FRAME) {
            w[horizon - 1] = 1f;
            return w;
        }
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            total += Math.pow(discount, t);
        }
        for (int t = 0; t < horizon; t++) {
            w[t] = (float) (Math.pow(discount, t) / total);
        }
        return w;
    }

    /** Weighted sum over the step axis: {@code (N, H) -> (N)}; differentiable. */
    public NDArray reduce(NDArray perStep) {
        int h = (int) perStep.getShape().get(1);
        if (mode == Mode.LAST_FRAME) {
            return perStep.get(":, " + (h - 1));
        }
        NDManager m = perStep.getManager();
        NDArray w = m.create(weights(h));
        NDArray reduced = perStep.mul(w).sum(new int[] {1});
        w.close();
        return reduced;
    }
}
