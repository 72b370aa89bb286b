package ai.foresight.server.spi;

import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The model side of the planning server: encodes goals and plans action chunks.
 *
 * <p>Threading: the server calls {@link #encodeGoal}, {@link #plan} and {@link #planBatch} from one worker thread
 * only, so an implementation needs no locking around its model; {@link #info()} may be called from any thread and
 * must return the same immutable value every time.
 *
 * <p>Errors: an {@link IllegalArgumentException} is reported to the client as a 400 with its message (so say which
 * field is wrong); anything else becomes a 500 whose details stay in the server log.
 */
public interface PlanningBackend {

    /** The model's image size, action space, timing and planner limits. */
    ModelInfo info();

    /**
     * Encodes a goal once so many plans can reuse it.
     *
     * @param frame   (H, W, 3) uint8 goal frame of the model's image size
     * @param proprio (P) goal proprioception
     */
    GoalHandle encodeGoal(Frame frame, float[] proprio);

    /**
     * Plans one action chunk.
     *
     * @param input    the validated request
     * @param previous the warm start the same robot's previous plan returned, or null for a cold start; the server
     *                 closes it after this call unless it is returned again
     */
    PlanResult plan(PlanInput input, WarmStart previous);

    /**
     * Plans several requests that were queued together, for backends that can evaluate them as one batch (the
     * imagined rollouts of every request in one forward pass). Must return one result per input, in order.
     * The default plans them one after another.
     *
     * @param inputs   (B) requests
     * @param previous (B) warm starts, elements may be null
     */
    default List<PlanResult> planBatch(List<PlanInput> inputs, List<WarmStart> previous) {
        List<PlanResult> results = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            results.add(plan(inputs.get(i), previous.get(i)));
        }
        return results;
    }
}
