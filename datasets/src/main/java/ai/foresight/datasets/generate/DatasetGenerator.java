package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.shift.DistractedEnv;
import ai.foresight.datasets.shift.Shifts;
import ai.foresight.datasets.store.AtomicFileWriter;
import ai.foresight.datasets.store.CorruptDatasetException;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.DatasetWriter;
import ai.foresight.datasets.store.DatasetWriter.EpisodeSummary;
import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.StoreJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Rolls a world's data-collection policy and writes a dataset directory.
 *
 * <p>Each episode i is reset with {@link EpisodeSeeds#episode}(seed, i) and its policy with
 * {@link EpisodeSeeds#policy}, so episodes are independent: workers roll them in parallel, and an
 * interrupted run resumes by regenerating only the missing ones, giving the same bytes as an
 * uninterrupted run. Progress is recorded by the episode files themselves (each written atomically)
 * plus a {@link GenerationMarker}; {@code dataset.json} comes last.
 */
public final class DatasetGenerator {
    private DatasetGenerator() {}

    /**
     * Generates {@code spec} into {@code out} with {@link GeneratorConfig#defaults()} and the built-in
     * worlds, resuming when {@code out} holds a partial run of the same spec.
     *
     * @param progress called with the number of episodes finished so far
     */
    public static DatasetManifest generate(GenerateSpec spec, Path out, IntConsumer progress) throws IOException {
        return generate(spec, out, progress, GeneratorConfig.defaults(), WorldSource.builtIn());
    }

    /**
     * Generates {@code spec} into {@code out}.
     *
     * <ul>
     *   <li>{@code out} missing or empty: a fresh run.
     *   <li>{@code out} holds a {@link GenerationMarker} of the same spec and compression: resume;
     *       episode files that do not decode are regenerated, stray temporary files deleted.
     *   <li>{@code out} holds a finished dataset of the same spec: nothing to do, its manifest returns.
     *   <li>otherwise: refused with an {@link IllegalArgumentException} naming {@code out} and the
     *       differences, and nothing is touched.
     * </ul>
     *
     * @param progress called with the number of episodes finished so far (once at the start of a
     *     resume with the count already on disk), from one thread at a time, in increasing order; an
     *     exception it throws stops the run (finished episodes stay on disk for a resume)
     * @throws IllegalArgumentException for unknown distractor ids or a directory that cannot be resumed
     */
    public static DatasetManifest generate(GenerateSpec spec, Path out, IntConsumer progress, GeneratorConfig config,
            WorldSource worlds) throws IOException {
        Shifts.validate(spec.distractors());
        GenerationMarker marker = GenerationMarker.of(spec, config.store().compressionLevel());
        DatasetManifest finished = checkDirectory(out, marker);
        if (finished != null) {
            progress.accept(finished.episodes());
            return finished;
        }
        Env probe = newEnv(spec, worlds);
        EpisodeLayout layout = new EpisodeLayout(spec.steps(), probe.spec().frameHeight(), probe.spec().frameWidth(),
                probe.spec().actionDim(), probe.spec().proprioDim(), probe.spec().stateDim(), !spec.distractors().isEmpty());
        DatasetWriter writer = new DatasetWriter(out, layout, config.store());
        Path markerPath = out.resolve(GenerationMarker.FILE);
        if (!Files.exists(markerPath)) {
            byte[] json = StoreJson.toBytes(marker);
            AtomicFileWriter.write(markerPath, config.store().fsyncAtFinish(), o -> o.write(json));
        }
        writer.removeTemporaryFiles();

        EpisodeSummary[] summaries = new EpisodeSummary[spec.episodes()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < spec.episodes(); i++) {
            try {
                summaries[i] = writer.summarizeExisting(i);
            } catch (CorruptDatasetException e) {
                Files.deleteIfExists(out.resolve(DatasetWriter.episodePath(i)));
            }
            if (summaries[i] == null) {
                missing.add(i);
            }
        }
        int already = spec.episodes() - missing.size();
        if (already > 0) {
            progress.accept(already);
        }
        runWorkers(spec, config, worlds, probe, layout, writer, summaries, missing, already, progress);

        DatasetManifest manifest = writer.finish(spec.world(), probe.spec(), spec, EpisodeSeeds.RULE, Arrays.asList(summaries));
        Files.deleteIfExists(markerPath);
        return manifest;
    }

    /**
     * Decides what {@code out} holds.
     *
     * @return the manifest of a finished dataset of this spec, or {@code null} to (re)start generating
     */
    private static DatasetManifest checkDirectory(Path out, GenerationMarker marker) throws IOException {
        if (!Files.exists(out)) {
            return null;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("out: expected a directory, got the file " + out);
        }
        Path manifestPath = out.resolve(DatasetWriter.MANIFEST);
        Path markerPath = out.resolve(GenerationMarker.FILE);
        if (Files.exists(manifestPath)) {
            DatasetManifest m = Dataset.open(out).manifest();
            GenerationMarker made = m.generator() == null ? null
                    : new GenerationMarker(m.schemaVersion(), m.generator(), m.compressionLevel(), m.seedRule());
            String diff = made == null ? "it was not generated" : made.differences(marker);
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException("out: " + out + " already holds a finished dataset of a different spec ("
                        + diff + "); choose another directory");
            }
            Files.deleteIfExists(markerPath);
            return m;
        }
        if (Files.exists(markerPath)) {
            GenerationMarker found = StoreJson.read(Files.readAllBytes(markerPath), GenerationMarker.class,
                    GenerationMarker.FILE);
            String diff = found.differences(marker);
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException("out: " + out + " holds an interrupted run of a different spec ("
                        + diff + "); rerun with that spec to finish it, or choose another directory");
            }
            return null;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("out: " + out + " is not empty and holds neither a dataset nor an "
                        + "interrupted run (no " + DatasetWriter.MANIFEST + " or " + GenerationMarker.FILE
                        + "); choose an empty directory");
            }
        }
        return null;
    }

    private static Env newEnv(GenerateSpec spec, WorldSource worlds) {
        Env env = worlds.create(spec.world(), spec.size());
        if (spec.distractors().isEmpty()) {
            return env;
        }
        return new DistractedEnv(env, Shifts.parse(spec.distractors(), EpisodeSeeds.distractors(spec.seed())));
    }

    private static void runWorkers(GenerateSpec spec, GeneratorConfig config, WorldSource worlds, Env probe,
            EpisodeLayout layout, DatasetWriter writer, EpisodeSummary[] summaries, List<Integer> missing, int already,
            IntConsumer progress) throws IOException {
        if (missing.isEmpty()) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger(already);
        AtomicBoolean failed = new AtomicBoolean();
        Object progressLock = new Object();
        int workers = Math.min(config.workers(), missing.size());
        List<Worker> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Env env = w == 0 ? probe : newEnv(spec, worlds);
            EpisodeRecorder recorder = new EpisodeRecorder(env, worlds.policy(spec.world()), layout);
            tasks.add(() -> {
                try {
                    while (!failed.get()) {
                        int k = next.getAndIncrement();
                        if (k >= missing.size()) {
                            return;
                        }
                        int i = missing.get(k);
                        summaries[i] = writer.write(i, recorder.record(EpisodeSeeds.episode(spec.seed(), i)));
                        synchronized (progressLock) {
                            progress.accept(done.incrementAndGet());
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            });
        }
        if (workers == 1) {
            tasks.get(0).run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "generate-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Worker task : tasks) {
                futures.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new IOException("generation interrupted", e);
                }
            }
            if (first instanceof IOException e) {
                throw e;
            } else if (first instanceof RuntimeException e) {
                throw e;
            } else if (first instanceof Error e) {
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker's loop. */
    @FunctionalInterface
    private interface Worker {
        void run() throws IOException;
    }
}
