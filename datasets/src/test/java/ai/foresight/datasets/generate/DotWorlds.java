package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.policy.CollectionPolicy;
import java.util.concurrent.atomic.AtomicInteger;

/** A test {@link WorldSource}: DotWorlds and WigglePolicies, counting episode resets over all instances. */
public final class DotWorlds implements WorldSource {
    public final AtomicInteger resets = new AtomicInteger();

    @Override
    public Env create(String id, int size) {
        if (!id.equals("dot")) {
            throw new IllegalArgumentException("world: unknown id '" + id + "', expected dot");
        }
        return new CountingDotWorld(size, resets);
    }

    @Override
    public CollectionPolicy policy(String id) {
        return new WigglePolicy();
    }

    /** A DotWorld that counts its resets into a shared counter. */
    private static final class CountingDotWorld extends ForwardingEnv {
        private final AtomicInteger resets;

        CountingDotWorld(int size, AtomicInteger resets) {
            super(new DotWorld(size));
            this.resets = resets;
        }

        @Override
        public Observation reset(long seed) {
            resets.incrementAndGet();
            return super.reset(seed);
        }
    }
}
