package ai.foresight.datasets.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.policy.CollectionPolicy;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the generator writes is the world's rollout, reproducible from the seed. */
class DatasetGeneratorTest {
    private static final GenerateSpec SPEC = new GenerateSpec("dot", 5, 12, 24, List.of(), 77);

    @Test
    void episodesReplayInTheWorld(@TempDir Path dir) throws Exception {
        List<Integer> calls = new ArrayList<>();
        DatasetManifest m = DatasetGenerator.generate(SPEC, dir, calls::add, GeneratorConfig.tiny(), new DotWorlds());
        assertEquals(List.of(1, 2, 3, 4, 5), calls);
        assertEquals("dot", m.world());
        assertEquals(5, m.episodes());
        assertEquals(12, m.steps());
        assertEquals(24, m.height());
        assertEquals(24, m.width());
        assertEquals(SPEC, m.generator());
        assertFalse(Files.exists(dir.resolve(GenerationMarker.FILE)), "the marker goes once dataset.json is written");
        Dataset ds = Dataset.open(dir);
        for (int i = 0; i < 5; i++) {
            Episode ep = ds.episode(i);
            assertFalse(ep.hasCleanFrames());
            DotWorld world = new DotWorld(24);
            world.reset(EpisodeSeeds.episode(77, i));
            for (int t = 0; t < 12; t++) {
                assertArrayEquals(world.state(), ep.stateAt(t), "state " + i + "/" + t);
                assertEquals(world.observe().frame(), ep.frame(t), "frame " + i + "/" + t);
                assertArrayEquals(world.proprio(world.state()), ep.proprioAt(t));
                assertEquals((float) world.reward(), ep.reward()[t]);
                float[] a = ep.actionAt(t);
                world.step(new double[] {a[0], a[1]});
            }
        }
    }

    @Test
    void workerCountDoesNotChangeTheBytes(@TempDir Path dir) throws Exception {
        DatasetGenerator.generate(SPEC, dir.resolve("one"), n -> {}, GeneratorConfig.tiny(), new DotWorlds());
        DatasetGenerator.generate(SPEC, dir.resolve("three"), n -> {}, GeneratorConfig.tiny().withWorkers(3), new DotWorlds());
        assertSameFiles(dir.resolve("one"), dir.resolve("three"));
    }

    @Test
    void resumeAfterInterruptionEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        GeneratorConfig cfg = new GeneratorConfig(2, StoreConfig.defaults());
        DatasetGenerator.generate(SPEC, dir.resolve("full"), n -> {}, cfg, new DotWorlds());

        Path partial = dir.resolve("partial");
        RuntimeException stop = new RuntimeException("power cut (simulated)");
        var thrown = assertThrows(RuntimeException.class, () -> DatasetGenerator.generate(SPEC, partial, n -> {
            if (n == 3) {
                throw stop;
            }
        }, GeneratorConfig.tiny().withWorkers(1).withStore(cfg.store()), new DotWorlds()));
        assertEquals(stop, thrown);
        assertFalse(Files.exists(partial.resolve("dataset.json")));
        assertTrue(Files.exists(partial.resolve(GenerationMarker.FILE)));
        // an interrupted write leaves a hidden temporary file; damage one finished episode too
        Files.write(partial.resolve("episodes/.ep-000003.npz.123.tmp"), new byte[] {1, 2, 3});
        Path ep1 = partial.resolve("episodes/ep-000001.npz");
        Files.write(ep1, java.util.Arrays.copyOf(Files.readAllBytes(ep1), 100));

        DotWorlds counting = new DotWorlds();
        List<Integer> calls = new ArrayList<>();
        DatasetGenerator.generate(SPEC, partial, calls::add, cfg, counting);
        assertEquals(3, counting.resets.get(), "only the damaged and missing episodes (1, 3, 4) are rolled again");
        assertEquals(List.of(2, 3, 4, 5), calls);
        assertSameFiles(dir.resolve("full"), partial);
    }

    @Test
    void refusesToResumeADifferentSpec(@TempDir Path dir) throws Exception {
        assertThrows(RuntimeException.class, () -> DatasetGenerator.generate(SPEC, dir, n -> {
            throw new RuntimeException("stop");
        }, GeneratorConfig.tiny(), new DotWorlds()));
        List<Path> before = listing(dir);
        GenerateSpec other = new GenerateSpec("dot", 6, 12, 24, List.of(), 78);
        var e = assertThrows(IllegalArgumentException.class,
                () -> DatasetGenerator.generate(other, dir, n -> {}, GeneratorConfig.tiny(), new DotWorlds()));
        assertTrue(e.getMessage().startsWith("out: " + dir), e.getMessage());
        assertTrue(e.getMessage().contains("episodes 5 vs 6, seed 77 vs 78"), e.getMessage());
        var level = assertThrows(IllegalArgumentException.class, () -> DatasetGenerator.generate(SPEC, dir, n -> {},
                new GeneratorConfig(1, StoreConfig.defaults()), new DotWorlds()));
        assertTrue(level.getMessage().contains("compression_level 0 vs 1"), level.getMessage());
        assertEquals(before, listing(dir), "nothing was touched");
    }

    @Test
    void finishedDatasetIsReturnedOrRefused(@TempDir Path dir) throws Exception {
        DatasetManifest first = DatasetGenerator.generate(SPEC, dir, n -> {}, GeneratorConfig.tiny(), new DotWorlds());
        DotWorlds counting = new DotWorlds();
        assertEquals(first, DatasetGenerator.generate(SPEC, dir, n -> {}, GeneratorConfig.tiny(), counting));
        assertEquals(0, counting.resets.get());
        GenerateSpec other = new GenerateSpec("dot", 5, 13, 24, List.of(), 77);
        var e = assertThrows(IllegalArgumentException.class,
                () -> DatasetGenerator.generate(other, dir, n -> {}, GeneratorConfig.tiny(), new DotWorlds()));
        assertTrue(e.getMessage().contains("finished dataset of a different spec (steps 12 vs 13)"), e.getMessage());
    }

    @Test
    void refusesAForeignNonEmptyDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        var e = assertThrows(IllegalArgumentException.class,
                () -> DatasetGenerator.generate(SPEC, dir, n -> {}, GeneratorConfig.tiny(), new DotWorlds()));
        assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
    }

    @Test
    void distractedDatasetsStoreCleanFramesOfTheSameStates(@TempDir Path dir) throws Exception {
        GenerateSpec spec = new GenerateSpec("dot", 2, 8, 24, List.of("shapes", "tv"), 5);
        DatasetManifest m = DatasetGenerator.generate(spec, dir, n -> {}, GeneratorConfig.tiny(), new DotWorlds());
        assertTrue(m.fields().containsKey("obs_clean"));
        Episode ep = Dataset.open(dir).episode(1);
        DotWorld plain = new DotWorld(24);
        plain.reset(EpisodeSeeds.episode(5, 1));
        int differing = 0;
        for (int t = 0; t < 8; t++) {
            assertEquals(plain.render(ep.stateAt(t)), ep.cleanFrame(t), "clean frame of step " + t);
            differing += ep.frame(t).equals(ep.cleanFrame(t)) ? 0 : 1;
        }
        assertEquals(8, differing);
    }

    @Test
    void unknownDistractorFailsBeforeTouchingTheDisk(@TempDir Path dir) {
        GenerateSpec spec = new GenerateSpec("dot", 2, 8, 24, List.of("fog"), 5);
        Path out = dir.resolve("ds");
        var e = assertThrows(IllegalArgumentException.class,
                () -> DatasetGenerator.generate(spec, out, n -> {}, GeneratorConfig.tiny(), new DotWorlds()));
        assertTrue(e.getMessage().startsWith("distractors: unknown id 'fog'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void brokenPolicyIsNamed(@TempDir Path dir) {
        WorldSource bad = new WorldSource() {
            @Override
            public Env create(String id, int size) {
                return new DotWorld(size);
            }

            @Override
            public CollectionPolicy policy(String id) {
                return new CollectionPolicy() {
                    @Override
                    public void reset(Env env, long seed) {}

                    @Override
                    public double[] act(Env env) {
                        return new double[] {0, 0, 0};
                    }
                };
            }
        };
        var e = assertThrows(IllegalStateException.class,
                () -> DatasetGenerator.generate(SPEC, dir, n -> {}, GeneratorConfig.tiny(), bad));
        assertEquals("collection policy of world 'dot' at step 0: action: expected length 2, got 3", e.getMessage());
    }

    @Test
    void seedsAreDistinctPerEpisode() {
        assertNotEquals(EpisodeSeeds.episode(1, 0), EpisodeSeeds.episode(1, 1));
        assertNotEquals(EpisodeSeeds.episode(1, 0), EpisodeSeeds.episode(2, 0));
        assertNotEquals(EpisodeSeeds.episode(1, 0), EpisodeSeeds.policy(EpisodeSeeds.episode(1, 0)));
    }

    static List<Path> listing(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.map(dir::relativize).sorted().toList();
        }
    }

    static void assertSameFiles(Path a, Path b) throws Exception {
        List<Path> files = listing(a);
        assertEquals(files, listing(b));
        for (Path p : files) {
            if (Files.isRegularFile(a.resolve(p))) {
                assertArrayEquals(Files.readAllBytes(a.resolve(p)), Files.readAllBytes(b.resolve(p)), p.toString());
            }
        }
    }
}
