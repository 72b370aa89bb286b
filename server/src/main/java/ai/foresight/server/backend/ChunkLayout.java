package ai.foresight.server.backend;

/**
 * Converts between the world model's time step, a latent frame carrying f environment actions concatenated (f·A),
 * and the server API's time step, one environment action (A). A plan of H_f frames is H_f·f environment rows; the
 * robot executes the first chunk of rows one environment step each.
 */
final class ChunkLayout {
    private ChunkLayout() {
    }

    /** Latent frames needed to cover {@code envSteps} environment steps: ceil(envSteps / frameskip). */
    static int framesFor(int envSteps, int frameskip) {
        if (envSteps < 1 || frameskip < 1) {
            throw new IllegalArgumentException("envSteps and frameskip: expected >= 1, got " + envSteps + ", " + frameskip);
        }
        return (envSteps + frameskip - 1) / frameskip;
    }

    /**
     * Splits frame actions into environment actions.
     *
     * @param frameActions (H_f, f·A) rows, each f actions concatenated in time order
     * @return (H_f·f, A) rows
     */
    static float[][] environmentRows(float[][] frameActions, int actionDim) {
        if (frameActions.length == 0 || frameActions[0].length % actionDim != 0) {
            throw new IllegalArgumentException("frameActions: expected (H, f·" + actionDim + ") rows, got "
                    + frameActions.length + " rows of " + (frameActions.length == 0 ? 0 : frameActions[0].length));
        }
        int f = frameActions[0].length / actionDim;
        float[][] rows = new float[frameActions.length * f][actionDim];
        for (int t = 0; t < frameActions.length; t++) {
            for (int s = 0; s < f; s++) {
                System.arraycopy(frameActions[t], s * actionDim, rows[t * f + s], 0, actionDim);
            }
        }
        return rows;
    }
}
