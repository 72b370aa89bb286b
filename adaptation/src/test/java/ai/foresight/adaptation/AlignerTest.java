package ai.foresight.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.foresight.adaptation.encoder.AdaptedPatchEncoder;
import ai.foresight.adaptation.encoder.AdapterConfig;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aligner on {@link ToyDomain}: the target camera permutes the colour channels, so the answer is known
 * (the colour mix that undoes it) and the source embedding of the same scene is the one to recover.
 */
class AlignerTest {
    private static final PredictorConfig PREDICTOR = PredictorConfig.tiny().withEncoder(32, 4);

    private static WorldModel repoModel(NDManager m) {
        return repoModel(m, false);
    }

    private static WorldModel repoModel(NDManager m, boolean posteriorReadsPatches) {
        return WorldModel.create(WorldModelConfig.repo(PREDICTOR, RepoConfig.tiny().withPosteriorReadsPatches(posteriorReadsPatches)), 3, m);
    }

    /** Held-out probe: unpaired source and target scenes (MMD) and target views of source scenes (paired). */
    private static AlignmentProbe[] probes(Aligner aligner, NDManager m) {
        NDArray paired = ToyDomain.scenes(m, 102, 48);
        return new AlignmentProbe[] {
            new AlignmentProbe(aligner, ToyDomain.scenes(m, 100, 48), ToyDomain.toTarget(ToyDomain.scenes(m, 101, 48)), null, m),
            new AlignmentProbe(aligner, paired, ToyDomain.toTarget(paired), paired, m)};
    }

    /** Runs {@code steps} updates on fresh batches; returns {MMD² before, after, paired before, after}. */
    private static double[] adapt(Aligner aligner, NDManager m, int steps, boolean windows, boolean pairs) {
        AlignmentProbe[] probe = probes(aligner, m);
        double mmdBefore = probe[0].measure().mmdSquared();
        double pairedBefore = probe[1].measure().pairedMeanSquare();
        for (int s = 0; s < steps; s++) {
            try (NDManager b = m.newSubManager()) {
                SourceFrames source = new SourceFrames(ToyDomain.scenes(b, 5000 + s, 16));
                TargetBatch target = windows ? ToyDomain.windows(b, 1000 + s, 4, 3).target(true, pairs)
                        : TargetBatch.framesOnly(ToyDomain.toTarget(ToyDomain.scenes(b, 9000 + s, 12)).expandDims(1));
                AlignmentTerms terms = aligner.step(source, target);
                assertTrue(Double.isFinite(terms.encoderTotal()), terms.toString());
            }
        }
        return new double[] {mmdBefore, probe[0].measure().mmdSquared(), pairedBefore, probe[1].measure().pairedMeanSquare()};
    }

    @Test
    void supportAlignmentClosesTheGapWithoutPairsOrRewards() {
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, false, 0, 0), 2);
                WorldModel model = repoModel(m);
                Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny().withWeights(1, 0, 0)
                        .withLearningRates(1e-2, 1e-3).withAdaptPosterior(false), 4, m)) {
            double[] r = adapt(aligner, m, 100, false, false);
            assertTrue(r[0] > 0.5, "the permutation must open a gap first: MMD² " + r[0]);
            assertTrue(r[1] < 0.25 * r[0], "MMD² source–target: " + r[0] + " → " + r[1]);
            assertTrue(r[3] < 0.5 * r[2], "paired distance to the source embedding: " + r[2] + " → " + r[3]);
        }
    }

    @Test
    void distributionMatchingClosesTheGapToo() {
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, false, 0, 0), 2);
                WorldModel model = repoModel(m);
                Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny().withWeights(1, 0, 0)
                        .withMode(AlignmentMode.DISTRIBUTION).withLearningRates(1e-2, 1e-3).withAdaptPosterior(false), 4, m)) {
            double[] r = adapt(aligner, m, 100, false, false);
            assertTrue(r[1] < 0.5 * r[0], "MMD² source–target: " + r[0] + " → " + r[1]);
        }
    }

    @Test
    void pairedCalibrationRecoversTheSourceEmbedding() {
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, false, 0, 0), 2);
                WorldModel model = repoModel(m);
                Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny().withWeights(0, 0, 1)
                        .withLearningRates(3e-2, 1e-3).withAdaptPosterior(false), 4, m)) {
            double[] r = adapt(aligner, m, 50, true, true);
            assertTrue(r[3] < 0.2 * r[2], "paired distance to the source embedding: " + r[2] + " → " + r[3]);
        }
    }

    @Test
    void theKnownAnswerIsAnExactFixedPoint() {
        // with the colour mix that undoes the permutation, target embeddings equal the source ones exactly:
        // the paired term is zero there and an update leaves the mix where it is
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, false, 0, 0), 2);
                WorldModel model = repoModel(m);
                Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny().withWeights(0, 0, 1)
                        .withAdaptPosterior(false), 4, m)) {
            float[] inverse = new float[9];
            for (int i = 0; i < 9; i++) {
                inverse[i] = ToyDomain.INVERSE_MIXING[i / 3][i % 3];
            }
            adapted.colorAdapter().getParameters().get("mixing").getArray().set(inverse);
            AlignmentProbe[] probe = probes(aligner, m);
            assertEquals(0, probe[1].measure().pairedMeanSquare(), 1e-10);
            AlignmentTerms t;
            try (NDManager b = m.newSubManager()) {
                t = aligner.step(new SourceFrames(ToyDomain.scenes(b, 1, 8)), ToyDomain.windows(b, 2, 3, 3).target(true, true));
            }
            assertEquals(0, t.paired(), 1e-10);
            assertEquals(0, t.encoderGradNorm(), 1e-6);
            assertEquals(0, distanceToInverse(adapted.colorAdapter().mixingMatrix()), 1e-6);
        }
    }

    private static double distanceToInverse(float[][] mixing) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int o = 0; o < 3; o++) {
                double d = mixing[i][o] - ToyDomain.INVERSE_MIXING[i][o];
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void frozenPartsStayBitIdenticalWhileTheEncoderSideMoves() {
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, new AdapterConfig(true, true, 4, 4), 2)) {
            WorldModelConfig config = WorldModelConfig.repo(PREDICTOR, RepoConfig.tiny())
                    .withDecoder(new ai.foresight.worldmodel.DecoderConfig(8, 8));
            try (WorldModel model = WorldModel.create(config, 3, m)) {
                String frozen = ParameterHash.frozenParts(model);
                String posterior = ParameterHash.posterior(model);
                String base = ParameterHash.of(vit.network());
                String adapters = ParameterHash.of(adapted.trainableParameters());
                float[] pixelOut = adapted.trainableParameters().get("pixels/out_weight").getArray().toFloatArray();
                List<Boolean> flags = new ArrayList<>();
                for (Pair<String, Parameter> p : model.parameters()) {
                    flags.add(p.getValue().requiresGradient());
                }
                try (Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny(), 4, m)) {
                    assertTrue(aligner.trainableNames().stream().anyMatch(n -> n.startsWith("posterior/")),
                            aligner.trainableNames().toString());
                    for (int s = 0; s < 4; s++) {
                        try (NDManager b = m.newSubManager()) {
                            AlignmentTerms t = aligner.step(new SourceFrames(ToyDomain.scenes(b, 50 + s, 8)),
                                    ToyDomain.windows(b, 60 + s, 3, 3).target(true, true));
                            assertTrue(Double.isFinite(t.dynamics()) && Double.isFinite(t.paired()) && Double.isFinite(t.alignment()),
                                    t.toString());
                        }
                    }
                    assertEquals(4, aligner.steps());
                }
                assertEquals(frozen, ParameterHash.frozenParts(model), "predictor, heads and decoder must not change");
                assertEquals(base, ParameterHash.of(vit.network()), "the frozen ViT must not change");
                assertNotEquals(posterior, ParameterHash.posterior(model), "the RePo posterior is adapted");
                assertNotEquals(adapters, ParameterHash.of(adapted.trainableParameters()), "the adapters are adapted");
                assertFalse(java.util.Arrays.equals(pixelOut,
                        adapted.trainableParameters().get("pixels/out_weight").getArray().toFloatArray()),
                        "the pixel adapter learns through the frozen ViT");
                List<Boolean> after = new ArrayList<>();
                for (Pair<String, Parameter> p : model.parameters()) {
                    after.add(p.getValue().requiresGradient());
                }
                assertEquals(flags, after, "close() restores the model's gradient flags");
            }
        }
    }

    @ParameterizedTest(name = "posterior reads patches: {0}")
    @ValueSource(booleans = {false, true})
    void adaptedEmbeddingIsWhatPlanningSees(boolean posteriorReadsPatches) {
        // after adaptation, model.encode(adapted.encode(x)) must equal the aligner's target embedding
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, AdapterConfig.defaults(), 2);
                WorldModel model = repoModel(m, posteriorReadsPatches);
                Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny(), 4, m)) {
            for (int s = 0; s < 3; s++) {
                try (NDManager b = m.newSubManager()) {
                    aligner.step(new SourceFrames(ToyDomain.scenes(b, s, 8)), ToyDomain.windows(b, 20 + s, 2, 3).target(true, false));
                }
            }
            NDArray x = ToyDomain.toTarget(ToyDomain.scenes(m, 7, 5));
            float[] planning = model.encode(adapted.encode(x)).toFloatArray();
            float[] aligned = aligner.targetEmbedding(x).toFloatArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(aligned, planning, 1e-5f);
            NDArray source = aligner.sourceEmbedding(x);
            assertEquals(new Shape(5, 4, 4), source.getShape());
            // the source path keeps the posterior as it was, so it differs from the adapted model's view
            assertTrue(source.sub(model.encode(vit.encode(x))).abs().max().getFloat() > 1e-4,
                    "the source reference must not follow the adapted posterior");
        }
    }

    @Test
    void clearErrorsForBadInput() {
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder adapted = AdaptedPatchEncoder.wrap(vit, AdapterConfig.defaults(), 2);
                WorldModel model = repoModel(m);
                Aligner aligner = new Aligner(model, adapted, AlignerConfig.tiny(), 4, m)) {
            SourceFrames source = new SourceFrames(ToyDomain.scenes(m, 1, 4));
            ToyDomain.Windows w = ToyDomain.windows(m, 2, 2, 3);
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> aligner.step(source,
                    new TargetBatch(m.zeros(new Shape(2, 3, 3, 16, 16)), w.actions(), w.proprio(), null)));
            assertEquals("target.frames: expected (B, T, 3, 32, 32) at the encoder's input size, got (2, 3, 3, 16, 16)", size.getMessage());
            IllegalArgumentException proprio = assertThrows(IllegalArgumentException.class,
                    () -> aligner.step(source, w.target(false, false)));
            assertTrue(proprio.getMessage().startsWith("proprio: the model's predictor reads 2 proprio dims"), proprio.getMessage());
            IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                    () -> aligner.step(source, TargetBatch.framesOnly(ToyDomain.toTarget(ToyDomain.scenes(m, 3, 4)).expandDims(1))));
            assertTrue(single.getMessage().startsWith("frames: the dynamics term needs windows of at least history + 1 = 3"),
                    single.getMessage());
            IllegalArgumentException actions = assertThrows(IllegalArgumentException.class,
                    () -> new TargetBatch(w.frames(), m.zeros(new Shape(2, 3, 4)), null, null));
            assertEquals("actions: expected (2, 2, k·A), got (2, 3, 4)", actions.getMessage());
        }
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder vit = VitPatchEncoder.create(VitConfig.tiny(), 1, Device.cpu());
                AdaptedPatchEncoder none = AdaptedPatchEncoder.wrap(vit, AdapterConfig.none(), 2);
                WorldModel features = WorldModel.create(WorldModelConfig.features(PREDICTOR), 3, m)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Aligner(features, none, AlignerConfig.tiny(), 0, m));
            assertEquals("adapters: nothing to adapt (no adapter configured and the model has no RePo posterior)", e.getMessage());
        }
    }
}
