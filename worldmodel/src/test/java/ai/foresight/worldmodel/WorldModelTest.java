package ai.foresight.worldmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorldModelTest {
    /** History 3 so the sliding window is exercised; 2x2 tokens of 8-dim features from a 4x4 grid. */
    static PredictorConfig history3() {
        return new PredictorConfig("h3", 8, 4, 2, 3, 2, 2, 2, 4, 4, false, 16, 2, 2, 32, 0f);
    }

    /** Gives the zero-initialised latent head random weights, so predictions differ from the input. */
    static void randomiseHead(WorldModel model, NDManager m) {
        for (var p : model.parameters()) {
            if (p.getKey().contains("latent_head_weight")) {
                NDArray w = p.getValue().getArray();
                w.set(new NormalInitializer(0.3f).initialize(m, w.getShape(), w.getDataType()).toFloatArray());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rolloutStepOneEqualsTheTeacherForcedPredictionAndLaterStepsSlide(boolean actionTokens) {
        WorldModelConfig config = WorldModelConfig.features(history3().withActionTokens(actionTokens));
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(config, 4, m)) {
            randomiseHead(model, m);
            int n = 4;
            int candidates = 5;
            NDArray features = m.randomNormal(new Shape(1, 3, 16, 8));
            NDArray proprio = m.randomNormal(new Shape(1, 3, 2));
            NDArray past = m.randomNormal(new Shape(1, 2, 4));
            NDArray plan = m.randomNormal(new Shape(candidates, 4, 4));
            Rollout r = model.rollout(model.context(features, proprio, past), plan);
            assertEquals(new Shape(candidates, 4, n, 8), r.latents().getShape());
            assertEquals(new Shape(candidates, 4, 2), r.proprio().getShape());

            NDArray latents = model.encode(features).repeat(0, candidates);
            NDArray acts = NDArrays.concat(new NDList(past.repeat(0, candidates), plan.get(":, 0:1")), 1);
            var teacher = model.predictor().predict(model.parameterStore(), latents, acts, proprio.repeat(0, candidates), false);
            assertArrayEquals(teacher.mean().get(":, 2").toFloatArray(), r.latents().get(":, 0").toFloatArray(), 1e-5f);
            assertArrayEquals(teacher.proprio().get(":, 2").toFloatArray(), r.proprio().get(":, 0").toFloatArray(), 1e-5f);

            // step 2 sees frames 1, 2 and the first prediction, with the matching actions
            NDArray window = NDArrays.concat(new NDList(latents.get(":, 1:3"), r.latents().get(":, 0:1")), 1);
            NDArray windowProprio = NDArrays.concat(new NDList(proprio.repeat(0, candidates).get(":, 1:3"), r.proprio().get(":, 0:1")), 1);
            NDArray windowActions = NDArrays.concat(new NDList(past.repeat(0, candidates).get(":, 1:2"), plan.get(":, 0:2")), 1);
            var second = model.predictor().predict(model.parameterStore(), window, windowActions, windowProprio, false);
            assertArrayEquals(second.mean().get(":, 2").toFloatArray(), r.latents().get(":, 1").toFloatArray(), 1e-5f);

            // each candidate's rollout depends only on its own actions
            Rollout single = model.rollout(model.context(features, proprio, past), plan.get("3:4"));
            assertArrayEquals(single.latents().toFloatArray(), r.latents().get("3:4").toFloatArray(), 1e-5f);
            float spread = r.latents().get(":, 3").sub(r.latents().get("0:1, 3")).abs().max().getFloat();
            assertTrue(spread > 1e-4, "different action sequences must give different futures");
        }
    }

    @Test
    void shortContextUsesTheFirstPositionsAndTrimsLongOnes() {
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.features(history3()), 4, m)) {
            randomiseHead(model, m);
            NDArray features = m.randomNormal(new Shape(2, 1, 16, 8));
            NDArray proprio = m.randomNormal(new Shape(2, 1, 2));
            NDArray plan = m.randomNormal(new Shape(2, 1, 4));
            Rollout r = model.rollout(model.context(features, proprio, null), plan);
            var teacher = model.predictor().predict(model.parameterStore(), model.encode(features), plan, proprio, false);
            assertArrayEquals(teacher.mean().get(":, 0").toFloatArray(), r.latents().get(":, 0").toFloatArray(), 1e-5f);

            NDArray five = m.randomNormal(new Shape(2, 5, 16, 8));
            NDArray fiveProprio = m.randomNormal(new Shape(2, 5, 2));
            NDArray fourPast = m.randomNormal(new Shape(2, 4, 4));
            Rollout trimmed = model.rollout(model.context(five, fiveProprio, fourPast), plan);
            Rollout lastThree = model.rollout(model.context(five.get(":, 2:5"), fiveProprio.get(":, 2:5"), fourPast.get(":, 2:4")), plan);
            assertArrayEquals(lastThree.latents().toFloatArray(), trimmed.latents().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void gradientsReachTheActionsThroughARollout() {
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.features(history3()), 4, m)) {
            randomiseHead(model, m);
            LatentContext ctx = model.context(m.randomNormal(new Shape(1, 2, 16, 8)), m.randomNormal(new Shape(1, 2, 2)),
                    m.randomNormal(new Shape(1, 1, 4)));
            NDArray plan = m.randomNormal(new Shape(3, 3, 4));
            plan.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(model.rollout(ctx, plan).latents().get(":, 2").square().sum());
            }
            float[] g = plan.getGradient().toFloatArray();
            for (int c = 0; c < 3; c++) {
                double mass = 0;
                for (int i = c * 12; i < (c + 1) * 12; i++) {
                    mass += Math.abs(g[i]);
                }
                assertTrue(mass > 0, "candidate " + c + " gets a gradient through all three steps");
            }
        }
    }

    @Test
    void badRolloutInputsNameTheField() {
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(WorldModelConfig.features(history3()), 4, m)) {
            LatentContext ctx = model.context(m.zeros(new Shape(1, 1, 16, 8)), m.zeros(new Shape(1, 1, 2)), null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.rollout(ctx, m.zeros(new Shape(3, 5, 3))));
            assertEquals("actions: expected (N, S >= 1, 4), got (3, 5, 3)", e.getMessage());
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                    () -> model.rollout(new LatentContext(ctx.latents(), null, null), m.zeros(new Shape(3, 5, 4))));
            assertEquals("context.proprio: expected (1, 1, 2), got null", p.getMessage());
            IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> model.encode(m.zeros(new Shape(1, 16, 6))));
            assertTrue(f.getMessage().startsWith("features: expected width D = 8"), f.getMessage());
        }
    }

    @Test
    void repoModeEncodesToPosteriorMeansAndRendersFrames() {
        WorldModelConfig config = WorldModelConfig.repo(PredictorConfig.tiny(), RepoConfig.tiny()).withDecoder(new DecoderConfig(8, 16));
        try (NDManager m = NDManager.newBaseManager(); WorldModel model = WorldModel.create(config, 2, m)) {
            NDArray features = m.randomNormal(new Shape(3, 2, 16, 8));
            NDArray z = model.encode(features);
            assertEquals(new Shape(3, 2, 4, 4), z.getShape());
            NDArray single = model.encode(features.get(":, 1"));
            assertArrayEquals(z.get(":, 1").toFloatArray(), single.toFloatArray(), 1e-6f);
            NDArray image = model.render(z.get(":, 0"));
            assertEquals(new Shape(3, 3, 8, 8), image.getShape());
            assertTrue(image.min().getFloat() >= 0 && image.max().getFloat() <= 1, "pixels in [0, 1]");
            assertNull(WorldModel.create(WorldModelConfig.tiny(), 1, m).heads(), "feature mode has no heads by default");
        }
    }

    @Test
    void aPosteriorThatReadsPatchesAveragesItsHiddenLayerOverEachTokensPatches() throws Exception {
        PredictorConfig p = PredictorConfig.tiny(); // 4 x 4 patches pooled to 2 x 2 tokens
        WorldModelConfig perToken = WorldModelConfig.repo(p, RepoConfig.tiny());
        WorldModelConfig perPatch = WorldModelConfig.repo(p, RepoConfig.tiny().withPosteriorReadsPatches(true));
        try (NDManager m = NDManager.newBaseManager();
                WorldModel tokens = WorldModel.create(perToken, 1, m);
                WorldModel patches = WorldModel.create(perPatch, 2, m);
                ai.foresight.worldmodel.nn.TokenPooling pooling = new ai.foresight.worldmodel.nn.TokenPooling(m, 4, 2)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            patches.save(new DataOutputStream(bytes)); // the same parameter names and shapes either way
            tokens.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            NDArray features = m.randomNormal(new Shape(3, 2, 16, 8));

            // the mean's output layer is affine, so averaging hidden activations equals averaging the per-patch means:
            // the per-token posterior applied to each patch as if it were a token, then pooled, is an independent reference
            NDArray perPatchMeans = tokens.posterior().forward(tokens.parameterStore(), new NDList(features), false).get(0);
            NDArray expected = pooling.pool(perPatchMeans);
            NDArray z = patches.encode(features);
            assertEquals(new Shape(3, 2, 4, 4), z.getShape());
            assertArrayEquals(expected.toFloatArray(), z.toFloatArray(), 1e-5f);
            assertTrue(tokens.encode(features).sub(z).abs().max().getFloat() > 1e-3, "pooling first is another posterior");

            // patches that agree within each token's bin: pooling before or after the nonlinearity is the same
            NDArray flat = m.randomNormal(new Shape(3, 2, 4, 8));
            NDArray repeated = NDArrays.stack(new NDList(
                    flat.get(":, :, 0"), flat.get(":, :, 0"), flat.get(":, :, 1"), flat.get(":, :, 1"),
                    flat.get(":, :, 0"), flat.get(":, :, 0"), flat.get(":, :, 1"), flat.get(":, :, 1"),
                    flat.get(":, :, 2"), flat.get(":, :, 2"), flat.get(":, :, 3"), flat.get(":, :, 3"),
                    flat.get(":, :, 2"), flat.get(":, :, 2"), flat.get(":, :, 3"), flat.get(":, :, 3")), 2);
            NDList a = patches.posterior().forward(patches.parameterStore(), new NDList(patches.posteriorInput(repeated)), false);
            NDList b = tokens.posterior().forward(tokens.parameterStore(), new NDList(tokens.posteriorInput(repeated)), false);
            assertArrayEquals(b.get(0).toFloatArray(), a.get(0).toFloatArray(), 1e-5f);
            assertArrayEquals(b.get(1).toFloatArray(), a.get(1).toFloatArray(), 1e-5f);
            assertThrows(IllegalArgumentException.class,
                    () -> patches.posterior().forward(patches.parameterStore(), new NDList(flat), false),
                    "pooled tokens are not what it reads");
        }
    }

    @Test
    void parametersRoundTripBitExactly() throws Exception {
        WorldModelConfig config = WorldModelConfig.repo(PredictorConfig.tiny(), RepoConfig.tiny()).withDecoder(new DecoderConfig(8, 16));
        try (NDManager m = NDManager.newBaseManager();
                WorldModel a = WorldModel.create(config, 1, m);
                WorldModel b = WorldModel.create(config, 2, m)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(new DataOutputStream(bytes));
            b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            var pa = a.parameters();
            var pb = b.parameters();
            assertEquals(pa.keys(), pb.keys());
            for (int i = 0; i < pa.size(); i++) {
                Parameter x = pa.get(i).getValue();
                assertArrayEquals(x.getArray().toFloatArray(), pb.get(i).getValue().getArray().toFloatArray(), 0f, pa.get(i).getKey());
            }
            assertEquals(a.parameterCount(), b.parameterCount());
            assertTrue(a.parameterCount() > 1000);
        }
    }
}
