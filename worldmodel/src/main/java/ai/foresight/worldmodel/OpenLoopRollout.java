package ai.foresight.worldmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.foresight.worldmodel.nn.LatentPredictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Autoregressive imagination: each step runs the predictor on the last min(H, frames so far) frames and
 * appends its prediction for the last position (the mean, for a Gaussian prior). The window's frames take
 * temporal positions 0.. in order, exactly as in teacher-forced training, so the first step equals the
 * teacher-forced prediction for the same frames. Intermediates are closed when the call returns.
 */
final class OpenLoopRollout {
    private final LatentPredictor predictor;
    private final ParameterStore ps;

    OpenLoopRollout(LatentPredictor predictor, ParameterStore ps) {
        this.predictor = predictor;
        this.ps = ps;
    }

    Rollout run(LatentContext context, NDArray actions) {
        PredictorConfig cfg = predictor.config();
        Shape a = actions.getShape();
        if (a.dimension() != 3 || a.get(2) != cfg.frameActionDim() || a.get(1) < 1) {
            throw new IllegalArgumentException("actions: expected (N, S >= 1, " + cfg.frameActionDim() + "), got " + a);
        }
        long n = a.get(0);
        int steps = (int) a.get(1);
        int h = context.frames();
        check(context, n);
        int keep = Math.min(h, cfg.historyFrames());
        boolean proprio = cfg.proprioDim() > 0;
        NDManager callerManager = actions.getManager();
        try (NDScope scope = new NDScope()) {
            // libtorch-owned (aligned) copies, as MKL may round by operand alignment; adding 0 keeps gradients
            // to the actions (duplicate() does not), and an addition's backward never reads its scalar, so
            // DJL's short-lived scalar cannot corrupt it (see LiveScalar)
            actions = owned(actions);
            context = new LatentContext(owned(context.latents()), owned(context.proprio()), owned(context.pastActions()));
            List<NDArray> frames = new ArrayList<>();
            List<NDArray> proprios = new ArrayList<>();
            List<NDArray> frameActions = new ArrayList<>();
            for (int i = h - keep; i < h; i++) {
                frames.add(candidates(context.latents().get(":, " + i + ":" + (i + 1)), n));
                if (proprio) {
                    proprios.add(candidates(context.proprio().get(":, " + i + ":" + (i + 1)), n));
                }
                if (i < h - 1) {
                    frameActions.add(candidates(context.pastActions().get(":, " + i + ":" + (i + 1)), n));
                }
            }
            for (int s = 0; s < steps; s++) {
                frameActions.add(actions.get(":, " + s + ":" + (s + 1)));
                int window = Math.min(cfg.historyFrames(), frames.size());
                int from = frames.size() - window;
                NDArray latents = concat(frames.subList(from, frames.size()));
                NDArray acts = concat(frameActions.subList(from, frames.size()));
                NDArray props = proprio ? concat(proprios.subList(from, frames.size())) : null;
                LatentPredictor.Prediction p = predictor.predict(ps, latents, acts, props, false, true);
                frames.add(p.mean());
                if (proprio) {
                    proprios.add(p.proprio());
                }
            }
            NDArray outLatents = concat(frames.subList(keep, frames.size()));
            NDArray outProprio = proprio ? concat(proprios.subList(keep, proprios.size())) : null;
            NDScope.unregister(outLatents);
            outLatents.attach(callerManager);
            if (outProprio != null) {
                NDScope.unregister(outProprio);
                outProprio.attach(callerManager);
            }
            return new Rollout(outLatents, outProprio);
        }
    }

    private void check(LatentContext context, long n) {
        PredictorConfig cfg = predictor.config();
        Shape l = context.latents().getShape();
        long b = l.get(0);
        if ((b != 1 && b != n) || l.get(2) != cfg.tokensPerFrame() || l.get(3) != predictor.latentDim()) {
            throw new IllegalArgumentException("context.latents: expected (1 or " + n + ", h, " + cfg.tokensPerFrame() + ", "
                    + predictor.latentDim() + "), got " + l);
        }
        if (cfg.proprioDim() > 0) {
            Shape expected = new Shape(b, l.get(1), cfg.proprioDim());
            if (context.proprio() == null || !context.proprio().getShape().equals(expected)) {
                throw new IllegalArgumentException("context.proprio: expected " + expected + ", got "
                        + (context.proprio() == null ? "null" : context.proprio().getShape()));
            }
        }
        if (l.get(1) > 1) {
            Shape expected = new Shape(b, l.get(1) - 1, cfg.frameActionDim());
            if (!context.pastActions().getShape().equals(expected)) {
                throw new IllegalArgumentException("context.pastActions: expected " + expected + ", got " + context.pastActions().getShape());
            }
        }
    }

    private static NDArray owned(NDArray x) {
        return x == null ? null : x.add(0f);
    }

    /** (1 or N, 1, …) → (N, 1, …). */
    private static NDArray candidates(NDArray x, long n) {
        if (x.getShape().get(0) == n) {
            return x;
        }
        Shape s = x.getShape();
        long[] dims = s.getShape();
        dims[0] = n;
        return x.broadcast(new Shape(dims));
    }

    private static NDArray concat(List<NDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1);
    }
}
