package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * The lifetime of one optimiser iteration: a sub-manager for arrays made on purpose plus an
 * {@link NDScope} that also catches arrays an objective's operations attach elsewhere (DJL attaches
 * a result to its first operand's manager, which may be long-lived). Both close together; an
 * array that must outlive the iteration is handed to the parent with {@link #keep}.
 */
final class IterationScope implements AutoCloseable {
    private final NDManager parent;
    private final NDManager manager;
    private final NDScope scope;

    IterationScope(NDManager parent) {
        this.parent = parent;
        this.manager = parent.newSubManager();
        this.scope = new NDScope();
    }

    /** Manager for arrays created in this iteration; on the parent's device. */
    NDManager manager() {
        return manager;
    }

    /** Moves {@code array} out of this iteration into the parent manager and returns it. */
    NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(parent);
        return array;
    }

    @Override
    public void close() {
        scope.close();
        manager.close();
    }
}
