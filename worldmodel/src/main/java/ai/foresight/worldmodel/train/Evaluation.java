package ai.foresight.worldmodel.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validation error of a world model in its latent space (feature mode: pooled features; RePo: posterior
 * means), next to the copy-last-frame baseline that predicts "nothing moves".
 *
 * @param oneStepMse teacher-forced next-frame MSE
 * @param oneStepCopyLastMse the same for copying the current frame
 * @param openLoopMse per open-loop step s = 1 … S, MSE of the imagined frame s after the first H frames
 * @param openLoopCopyLastMse per step, MSE of the last context frame against frame s
 * @param windows validation windows evaluated
 */
public record Evaluation(
        double oneStepMse, double oneStepCopyLastMse, double[] openLoopMse, double[] openLoopCopyLastMse, long windows) {

    /** oneStepMse / oneStepCopyLastMse: below 1 means the model beats copying the last frame. */
    public double oneStepRatio() {
        return oneStepMse / oneStepCopyLastMse;
    }

    /** Open-loop MSE over copy-last MSE at the last step. */
    public double openLoopRatio() {
        int last = openLoopMse.length - 1;
        return openLoopMse[last] / openLoopCopyLastMse[last];
    }

    /** Snake_case figures for JSONL metrics. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("one_step_mse", oneStepMse);
        m.put("one_step_copy_last_mse", oneStepCopyLastMse);
        m.put("open_loop_mse", openLoopMse.clone());
        m.put("open_loop_copy_last_mse", openLoopCopyLastMse.clone());
        m.put("windows", windows);
        return m;
    }
}
