package ai.foresight.planner.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import ai.foresight.planner.Plan;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalReachingAgentTest {
    /** The tiny ViT's 4x4 patches of 32 dims, 2x2 tokens, history 2, A 2, frameskip 3, P 2. */
    static PredictorConfig predictor() {
        return new PredictorConfig("agent-test", 32, 4, 2, 2, 2, 3, 2, 4, 4, false, 16, 1, 2, 32, 0f);
    }

    /** Wide action statistics: planned actions often fall outside the Wall's [-2, 2] box. */
    static final DataNormalization NORM = new DataNormalization(
            new double[] {0.5, -0.5}, new double[] {3, 3}, new double[] {32, 32}, new double[] {10, 10});

    /** The tiny encoder, a {@link #predictor()} model and an agent over them with the given bounds, closed together. */
    static final class Rig implements AutoCloseable {
        final NDManager manager = NDManager.newBaseManager();
        final VitPatchEncoder encoder = VitPatchEncoder.create(VitConfig.tiny(), 2, Device.cpu());
        final WorldModel model = WorldModel.create(WorldModelConfig.features(predictor()), 3, manager);
        private final GoalReachingAgent agent;

        Rig(double[] low, double[] high, AgentConfig config) {
            agent = new GoalReachingAgent(encoder, model, NORM, low, high, config);
        }

        /** On the Wall's bounds, with a randomised latent head so that plans differ from one another. */
        static Rig onWall(Env wall, AgentConfig config) {
            Rig rig = new Rig(wall.spec().actionLow(), wall.spec().actionHigh(), config);
            WorldModelRolloutTest.randomiseLatentHead(rig.model, rig.manager);
            return rig;
        }

        GoalReachingAgent agent() {
            return agent;
        }

        @Override
        public void close() {
            agent.close();
            model.close();
            encoder.close();
            manager.close();
        }
    }

    @Test
    void actUnpacksTheFirstModelStepIntoFrameskipClippedEnvironmentActions() {
        Env wall = Worlds.create("wall", 32);
        try (Rig rig = Rig.onWall(wall, AgentConfig.tiny())) {
            GoalReachingAgent agent = rig.agent();
            Observation obs = wall.reset(4);
            agent.reset(wall.goalObservation());
            boolean anyClipped = false;
            for (int call = 0; call < 4; call++) {
                double[][] chunk = agent.act(obs);
                assertEquals(3, chunk.length, "one model step = frameskip 3 environment actions");
                Plan plan = agent.lastPlan();
                float[] first = plan.action(0);
                assertEquals(6, first.length);
                for (int j = 0; j < 3; j++) {
                    assertEquals(2, chunk[j].length);
                    for (int d = 0; d < 2; d++) {
                        double expected = Math.max(-2, Math.min(2, first[2 * j + d]));
                        assertEquals(expected, chunk[j][d], 1e-6, "row " + j + " dim " + d + " is action j of the model step");
                        assertTrue(chunk[j][d] >= -2 && chunk[j][d] <= 2, "out of bounds: " + chunk[j][d]);
                        anyClipped |= Math.abs(first[2 * j + d]) >= 2 - 1e-6;
                    }
                }
                for (double[] a : chunk) {
                    obs = wall.step(a).observation();
                }
            }
            assertTrue(anyClipped, "the test should exercise the bounds");
            assertEquals(4, agent.replans());
        }
    }

    @Test
    void expectedProprioIsTheModelsImaginationOfTheReturnedChunk() {
        Env wall = Worlds.create("wall", 32);
        try (Rig rig = Rig.onWall(wall, AgentConfig.tiny())) {
            GoalReachingAgent agent = rig.agent();
            Observation obs = wall.reset(4);
            agent.reset(wall.goalObservation());
            assertNull(agent.expectedProprio(), "no forecast before the first plan");
            double[][] chunk = agent.act(obs);
            float[] forecast = agent.expectedProprio();

            // the same imagination, built here from the frame, its proprio and the chunk's rows
            VitPatchEncoder encoder = rig.encoder;
            NDManager m = rig.manager;
            NDArray features = encoder.encode(FramePixels.toBatch(m, List.of(obs.frame()), encoder.inputHeight(), encoder.inputWidth()));
            NDArray context = agent.rollout().context(features.reshape(1, encoder.tokens(), encoder.dim()),
                    new float[][] {obs.proprio()}, null);
            float[] actions = new float[chunk.length * 2];
            for (int r = 0; r < chunk.length; r++) {
                actions[2 * r] = (float) chunk[r][0];
                actions[2 * r + 1] = (float) chunk[r][1];
            }
            float[] imagined = agent.rollout().imagine(context, m.create(actions, new Shape(1, 1, 6))).proprio().toFloatArray();
            float[] expected = {imagined[0] * 10 + 32, imagined[1] * 10 + 32}; // NORM: proprio mean 32, std 10
            assertArrayEquals(expected, forecast, 1e-4f);

            float[] still = agent.rollout().imagine(context, m.create(new float[6], new Shape(1, 1, 6))).proprio().toFloatArray();
            assertTrue(Math.abs(still[0] - imagined[0]) + Math.abs(still[1] - imagined[1]) > 1e-6,
                    "the forecast depends on the actions, so the check above can fail");
            agent.reset(wall.goalObservation());
            assertNull(agent.expectedProprio(), "reset forgets the forecast");
        }
    }

    @Test
    void unpackKeepsEnvironmentActionOrderAndClips() {
        try (Rig rig = new Rig(new double[] {-1, -2}, new double[] {1, 2}, AgentConfig.tiny())) {
            GoalReachingAgent agent = rig.agent();
            List<double[]> rows = agent.unpack(new float[] {0.5f, 3f, -4f, -1f, 0.25f, 1.5f});
            assertArrayEquals(new double[] {0.5, 2}, rows.get(0), 1e-6);
            assertArrayEquals(new double[] {-1, -1}, rows.get(1), 1e-6);
            assertArrayEquals(new double[] {0.25, 1.5}, rows.get(2), 1e-6);
            assertThrows(IllegalStateException.class, () -> agent.unpack(new float[] {0f, Float.NaN, 0f, 0f, 0f, 0f}));
        }
    }

    @Test
    void openLoopReturnsTheWholePlanAndNothingIsHeldBetweenCalls() {
        Env wall = Worlds.create("wall", 32);
        try (Rig rig = Rig.onWall(wall, AgentConfig.tiny().withBudget(16, 2))) {
            GoalReachingAgent agent = rig.agent();
            BaseNDManager planning = (BaseNDManager) agent.manager();
            Observation obs = wall.reset(8);
            agent.reset(wall.goalObservation());
            int baseline = -1;
            for (int call = 0; call < 50; call++) {
                double[][] chunk = agent.act(obs);
                obs = wall.step(chunk[0]).observation();
                if (call == 1) {
                    baseline = planning.getManagedArrays().size();
                }
                if (call > 1) {
                    assertEquals(baseline, planning.getManagedArrays().size(), "arrays piled up by call " + call);
                }
                if (call % 10 == 9) {
                    agent.reset(wall.goalObservation());
                }
            }
            assertEquals(0, baseline, "the agent holds no arrays between calls");
        }
        try (Rig rig = new Rig(wall.spec().actionLow(), wall.spec().actionHigh(), AgentConfig.tiny().openLoop())) {
            GoalReachingAgent agent = rig.agent();
            agent.reset(wall.goalObservation());
            assertEquals(2 * 3, agent.act(wall.reset(1)).length, "open loop: horizon 2 x frameskip 3 actions");
        }
    }

    @Test
    void anEnsembleAgentPlansWithTheMembersMeanAndASingleModelRefusesThePenalty() {
        Env wall = Worlds.create("wall", 32);
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder encoder = VitPatchEncoder.create(VitConfig.tiny(), 2, Device.cpu());
                WorldModel a = WorldModel.create(WorldModelConfig.features(predictor()), 3, m);
                WorldModel b = WorldModel.create(WorldModelConfig.features(predictor()), 4, m)) {
            WorldModelRolloutTest.randomiseLatentHead(a, m);
            WorldModelRolloutTest.randomiseLatentHead(b, m);
            AgentConfig penalised = AgentConfig.tiny().withDisagreementWeight(2f);
            double[] low = wall.spec().actionLow();
            double[] high = wall.spec().actionHigh();
            try (GoalReachingAgent agent = new GoalReachingAgent(encoder, List.of(a, b), NORM, low, high, penalised)) {
                assertTrue(agent.imagination() instanceof EnsembleRollout ensemble && ensemble.size() == 2);
                Observation first = wall.reset(2);
                agent.reset(wall.goalObservation());
                double[][] chunk = agent.act(first);
                assertEquals(3, chunk.length);
                float[] forecast = agent.expectedProprio();
                // the forecast is the ensemble's mean: halfway between what each member imagines alone
                float[] alone = new float[2];
                float[] firstMember = null;
                for (WorldModel member : List.of(a, b)) {
                    try (GoalReachingAgent single = new GoalReachingAgent(encoder, member, NORM, low, high, AgentConfig.tiny())) {
                        WorldModelRollout r = single.rollout();
                        Observation start = wall.reset(2);
                        NDArray features = encoder.encode(FramePixels.toBatch(m, List.of(start.frame()), encoder.inputHeight(),
                                encoder.inputWidth()));
                        NDArray context = r.context(features, new float[][] {start.proprio()}, null);
                        float[] actions = new float[6];
                        for (int j = 0; j < 3; j++) {
                            actions[2 * j] = (float) chunk[j][0];
                            actions[2 * j + 1] = (float) chunk[j][1];
                        }
                        float[] p = r.imagine(context, m.create(actions, new Shape(1, 1, 6))).proprio().toFloatArray();
                        float[] world = NORM.denormalizeProprio(p);
                        if (firstMember == null) {
                            firstMember = world;
                        } else {
                            assertTrue(Math.abs(world[0] - firstMember[0]) + Math.abs(world[1] - firstMember[1]) > 1e-2,
                                    "the members should imagine different places for the mean to be tested");
                        }
                        alone[0] += world[0] / 2;
                        alone[1] += world[1] / 2;
                    }
                }
                assertArrayEquals(alone, forecast, 1e-3f);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GoalReachingAgent(encoder, List.of(a), NORM, low, high, penalised));
            assertTrue(e.getMessage().startsWith("config.disagreementWeight: expected 0 for a single model"), e.getMessage());
        }
    }

    @Test
    void mismatchedEncoderOrBoundsAreRefused() {
        try (NDManager m = NDManager.newBaseManager();
                VitPatchEncoder encoder = VitPatchEncoder.create(VitConfig.tiny(), 2, Device.cpu());
                WorldModel model = WorldModel.create(WorldModelConfig.features(PredictorConfig.tiny()), 3, m)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GoalReachingAgent(encoder, model,
                    DataNormalization.identity(2, 2), new double[] {-1, -1}, new double[] {1, 1}, AgentConfig.tiny()));
            assertTrue(e.getMessage().startsWith("encoder: expected 16 tokens of 8 dims"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.tiny().withHorizon(2, 3));
        assertEquals(PlannerKind.CEM_GD, PlannerKind.parse("cem-gd"));
        assertThrows(IllegalArgumentException.class, () -> PlannerKind.parse("random"));
    }
}
