package ai.foresight.datasets.generate;

import ai.foresight.datasets.store.StoreConfig;

/**
 * How a dataset is generated (not what: that is {@link GenerateSpec}).
 *
 * @param workers episodes rolled and written in parallel, each worker with its own world and policy;
 *     the output does not depend on it
 * @param store how episode files are written; its compression level is part of the dataset's identity
 */
public record GeneratorConfig(int workers, StoreConfig store) {
    public GeneratorConfig {
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers: expected 1..256, got " + workers);
        }
        if (store == null) {
            throw new IllegalArgumentException("store: expected a StoreConfig");
        }
    }

    /** One worker per available core, {@link StoreConfig#defaults()}. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(Runtime.getRuntime().availableProcessors(), StoreConfig.defaults());
    }

    /** One worker, stored entries, no fsync: for tests. */
    public static GeneratorConfig tiny() {
        return new GeneratorConfig(1, StoreConfig.tiny());
    }

    /** The same settings writing files with {@code s}. */
    public GeneratorConfig withStore(StoreConfig s) {
        return new GeneratorConfig(workers, s);
    }

    /** The same settings with {@code n} workers. */
    public GeneratorConfig withWorkers(int n) {
        return new GeneratorConfig(n, store);
    }
}
