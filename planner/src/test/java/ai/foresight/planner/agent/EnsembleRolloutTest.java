package ai.foresight.planner.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.planner.objective.FrameWeighting;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.GoalDistanceObjective;
import ai.foresight.planner.objective.GoalObjectiveConfig;
import ai.foresight.planner.objective.Imagination;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleRolloutTest {
    private static final DataNormalization NORM = WorldModelRolloutTest.NORM;

    /** Three tiny feature-mode models of different seeds, each with a random latent head so that they disagree. */
    private static List<WorldModel> members(NDManager m) {
        PredictorConfig p = PredictorConfig.tiny();
        List<WorldModel> models = List.of(WorldModel.create(WorldModelConfig.features(p), 11, m),
                WorldModel.create(WorldModelConfig.features(p), 12, m), WorldModel.create(WorldModelConfig.features(p), 13, m));
        for (WorldModel model : models) {
            WorldModelRolloutTest.randomiseLatentHead(model, m);
        }
        return models;
    }

    private static List<WorldModelRollout> rollouts(List<WorldModel> models) {
        return models.stream().map(model -> new WorldModelRollout(model, NORM)).toList();
    }

    /** Three members, each alone and together, and a two-frame context built by the first. */
    private record Rig(List<WorldModel> models, List<WorldModelRollout> single, EnsembleRollout ensemble, NDArray context) {
        static Rig of(NDManager m, float[] pastAction) {
            List<WorldModel> models = members(m);
            List<WorldModelRollout> single = rollouts(models);
            NDArray context = single.get(0).context(m.randomNormal(new Shape(2, 16, 8)), new float[][] {{12f, 19f}, {9f, 23f}},
                    new float[][] {pastAction});
            return new Rig(models, single, new EnsembleRollout(single), context);
        }
    }

    @Test
    void meanAndSpreadMatchTheMembersComputedByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            Rig rig = Rig.of(m, new float[] {1f, -1f, 0.5f, 0.2f});
            List<WorldModel> models = rig.models();
            List<WorldModelRollout> single = rig.single();
            EnsembleRollout ensemble = rig.ensemble();
            NDArray context = rig.context();
            NDArray actions = m.randomUniform(-2, 2, new Shape(3, 2, 4));
            Imagination together = ensemble.imagine(context, actions);
            together.check(3, 2);

            int k = models.size();
            float[][] features = new float[k][];
            float[][] proprio = new float[k][];
            for (int i = 0; i < k; i++) {
                Imagination alone = single.get(i).imagine(context, actions);
                features[i] = alone.features().toFloatArray();
                proprio[i] = alone.proprio().toFloatArray();
            }
            assertArrayEquals(mean(features), together.features().toFloatArray(), 1e-5f);
            assertArrayEquals(mean(proprio), together.proprio().toFloatArray(), 1e-5f);
            float[] latentSpread = spreadPerStep(features, 6, 32);
            assertArrayEquals(latentSpread, together.spread().latent().toFloatArray(), 1e-5f);
            assertArrayEquals(spreadPerStep(proprio, 6, 2), together.spread().proprio().toFloatArray(), 1e-5f);
            assertTrue(latentSpread[0] > 1e-4, "members with different weights disagree");
            models.forEach(WorldModel::close);
        }
    }

    @Test
    void spreadWeightOneIsTheMembersExpectedGoalCost() {
        // mean_k |f_k - g|^2 = |mean f - g|^2 + mean_k |f_k - mean f|^2: lambda 1 scores what PETS's expectation scores
        try (NDManager m = NDManager.newBaseManager()) {
            Rig rig = Rig.of(m, new float[] {0.2f, 0.4f, -0.5f, 1f});
            List<WorldModel> models = rig.models();
            List<WorldModelRollout> single = rig.single();
            EnsembleRollout ensemble = rig.ensemble();
            NDArray context = rig.context();
            Goal goal = single.get(0).goal(m.randomNormal(new Shape(16, 8)), new float[] {15f, 18f});
            NDArray actions = m.randomUniform(-2, 2, new Shape(5, 2, 4));
            GoalObjectiveConfig config = new GoalObjectiveConfig(GoalObjectiveConfig.LatentSpace.FEATURES,
                    FrameWeighting.discounted(0.9f), 0.5f, 1f);
            float[] expected = new float[5];
            for (WorldModelRollout member : single) {
                float[] cost = new GoalDistanceObjective(member, context, goal, config.withDisagreementWeight(0f)).evaluate(actions)
                        .toFloatArray();
                for (int n = 0; n < cost.length; n++) {
                    expected[n] += cost[n] / single.size();
                }
            }
            float[] penalised = new GoalDistanceObjective(ensemble, context, goal, config).evaluate(actions).toFloatArray();
            assertArrayEquals(expected, penalised, 1e-4f);
            float[] meanOnly = new GoalDistanceObjective(ensemble, context, goal, config.withDisagreementWeight(0f)).evaluate(actions)
                    .toFloatArray();
            float[] doubled = new GoalDistanceObjective(ensemble, context, goal, config.withDisagreementWeight(2f)).evaluate(actions)
                    .toFloatArray();
            for (int n = 0; n < 5; n++) {
                assertTrue(meanOnly[n] < penalised[n], "the spread is a penalty");
                assertEquals(2 * penalised[n] - meanOnly[n], doubled[n], 1e-4f, "the penalty is linear in lambda");
            }
            models.forEach(WorldModel::close);
        }
    }

    @Test
    void membersThatCannotBeAveragedAreRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<WorldModel> models = members(m);
            WorldModelRollout first = new WorldModelRollout(models.get(0), NORM);
            IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> new EnsembleRollout(List.of(first)));
            assertTrue(one.getMessage().startsWith("members: expected at least 2"), one.getMessage());

            WorldModelRollout otherData = new WorldModelRollout(models.get(1), DataNormalization.identity(2, 2));
            IllegalArgumentException stats = assertThrows(IllegalArgumentException.class,
                    () -> new EnsembleRollout(List.of(first, otherData)));
            assertTrue(stats.getMessage().startsWith("members[1]: expected the action/proprio statistics"), stats.getMessage());

            PredictorConfig p = PredictorConfig.tiny();
            try (WorldModel repo = WorldModel.create(WorldModelConfig.repo(p, RepoConfig.defaults()), 14, m)) {
                IllegalArgumentException z = assertThrows(IllegalArgumentException.class,
                        () -> new EnsembleRollout(List.of(first, new WorldModelRollout(repo, NORM))));
                assertTrue(z.getMessage().startsWith("members[1]: expected a feature-mode"), z.getMessage());
            }
            GoalObjectiveConfig penalised = GoalObjectiveConfig.tiny().withDisagreementWeight(1f);
            NDArray context = first.context(m.randomNormal(new Shape(1, 16, 8)), new float[][] {{10f, 20f}}, null);
            Goal goal = first.goal(m.randomNormal(new Shape(16, 8)), null);
            IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                    () -> new GoalDistanceObjective(first, context, goal, penalised).evaluate(m.zeros(new Shape(2, 2, 4))));
            assertTrue(alone.getMessage().startsWith("imagination.spread: disagreementWeight is 1.0"), alone.getMessage());
            models.forEach(WorldModel::close);
        }
    }

    private static float[] mean(float[][] members) {
        float[] out = new float[members[0].length];
        for (float[] member : members) {
            for (int i = 0; i < out.length; i++) {
                out[i] += member[i] / members.length;
            }
        }
        return out;
    }

    /** Mean over members and the last {@code width} values of the squared deviation from the mean, per (n, h). */
    private static float[] spreadPerStep(float[][] members, int steps, int width) {
        float[] mean = mean(members);
        float[] out = new float[steps];
        for (float[] member : members) {
            for (int s = 0; s < steps; s++) {
                for (int f = 0; f < width; f++) {
                    float d = member[s * width + f] - mean[s * width + f];
                    out[s] += d * d / (width * members.length);
                }
            }
        }
        return out;
    }
}
