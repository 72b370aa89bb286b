package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls the objective for one population, checks what comes back, and keeps the books: the best
 * sequence seen so far (a copy owned by the search's manager), its cost and the per-iteration
 * statistics that become the {@link OptimizationTrace}.
 */
final class SearchRecorder {
    private final NDManager owner;
    private final List<IterationStats> stats = new ArrayList<>();
    private NDArray best;
    private float bestCost = Float.POSITIVE_INFINITY;
    private long cumulative;

    /** @param owner manager that owns the best-so-far copy (the search's run manager) */
    SearchRecorder(NDManager owner) {
        this.owner = owner;
    }

    /**
     * Evaluates {@code candidates} {@code (N, H, A)} in one call and records the outcome.
     *
     * @return costs {@code (N)} as float32, NaN replaced by +infinity, in the current scope
     */
    NDArray evaluate(ObjectiveFunction objective, NDArray candidates) {
        long n = candidates.getShape().get(0);
        NDArray raw = objective.evaluate(candidates);
        if (!raw.getShape().equals(new Shape(n))) {
            throw new IllegalArgumentException("objective: expected costs of shape (" + n + "), got " + raw.getShape());
        }
        NDArray costs = raw.getDataType() == DataType.FLOAT32 ? raw : raw.toType(DataType.FLOAT32, false);
        float[] values = costs.toFloatArray();
        boolean hadNaN = false;
        int argmin = 0;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i])) {
                values[i] = Float.POSITIVE_INFINITY;
                hadNaN = true;
            }
            sum += values[i];
            if (values[i] < values[argmin]) {
                argmin = i;
            }
        }
        if (hadNaN) {
            costs = candidates.getManager().create(values);
        }
        if (best == null || values[argmin] < bestCost) {
            replaceBest(candidates, argmin, values[argmin]);
        }
        cumulative += n;
        stats.add(new IterationStats(stats.size(), (int) n, values[argmin], (float) (sum / n), bestCost, cumulative));
        return costs;
    }

    /** Lowest cost recorded so far. */
    float bestCost() {
        return bestCost;
    }

    /** The best sequence so far {@code (H, A)}, owned by the run manager; null before any evaluation. */
    NDArray best() {
        return best;
    }

    OptimizationTrace trace() {
        return new OptimizationTrace(stats);
    }

    /**
     * Builds the result, copying the best sequence, {@code mean} and {@code elites} into
     * {@code resultManager} so they outlive the search's own manager.
     */
    OptimizationResult result(NDArray mean, NDArray elites, NDManager resultManager) {
        NDArray bestCopy = escape(best, resultManager);
        NDArray meanCopy = escape(mean, resultManager);
        NDArray elitesCopy = elites == null ? null : escape(elites, resultManager);
        return new OptimizationResult(bestCopy, bestCost, meanCopy, elitesCopy, trace());
    }

    private void replaceBest(NDArray candidates, int index, float cost) {
        NDArray row = candidates.get(index);
        NDArray copy = row.duplicate();
        row.close();
        NDScope.unregister(copy);
        copy.attach(owner);
        if (best != null) {
            best.close();
        }
        best = copy;
        bestCost = cost;
    }

    private static NDArray escape(NDArray array, NDManager target) {
        NDArray copy = array.duplicate();
        NDScope.unregister(copy);
        copy.attach(target);
        return copy;
    }
}
