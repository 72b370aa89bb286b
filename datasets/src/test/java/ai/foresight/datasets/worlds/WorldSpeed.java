package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.policy.CollectionPolicy;

/**
 * Not a test: measures step + render throughput (frames per wall-clock second and per CPU second of
 * the running thread, which a shared machine disturbs less) of every built-in
 * world under its default collection policy, with a reset every 50 steps. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> ai.foresight.datasets.worlds.WorldSpeed [size] [seconds]}.
 */
public final class WorldSpeed {
    private WorldSpeed() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        for (String id : Worlds.ids()) {
            Env env = Worlds.create(id, size);
            CollectionPolicy policy = Worlds.collectionPolicy(id);
            run(env, policy, 0.5); // warm-up
            long frames = 0;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long checksum = 0;
            while (System.nanoTime() - start < seconds * 1e9) {
                long[] r = run(env, policy, 0.05);
                frames += r[0];
                checksum += r[1];
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("%-12s %4d px  %9.0f frames/s wall clock, %9.0f frames per CPU second  (%d frames, checksum %d)%n",
                    id, size, frames / elapsed, frames / cpu, frames, checksum);
        }
    }

    private static long seed;

    private static long[] run(Env env, CollectionPolicy policy, double seconds) {
        long frames = 0, checksum = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            env.reset(seed);
            policy.reset(env, seed++);
            for (int t = 0; t < 50; t++) {
                checksum += env.step(policy.act(env)).observation().frame().data()[t] & 1;
                frames++;
            }
        }
        return new long[] {frames, checksum};
    }
}
