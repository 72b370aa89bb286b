package ai.foresight.experiments.planbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.foresight.worldmodel.PredictorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictorFlopsTest {
    // PredictorConfig.tiny(): D=8, n=2x2=4 tokens, H=2, k·A=4, P=2, action/proprio embeds 4+4, W=16, depth 2,
    // 2 heads (d_head 8), MLP 32, tiled conditions.
    private final PredictorFlops tiny = new PredictorFlops(PredictorConfig.tiny(), 8, false);

    @Test
    void oneFrameForwardMatchesAHandCount() {
        long action = 2 * 1 * 4 * 4; //            (1, 4) x (4, 4)
        long proprio = 2 * 1 * 2 * 4; //           (1, 2) x (2, 4)
        long input = 2 * 4 * 8 * 16; //            (4 tokens, 8) x (8, 16)
        long condition = 2 * 1 * 8 * 16; //        (1, 4+4) x (8, 16)
        long qkv = 2 * 4 * 16 * 48;
        long scores = 2 * 2 * 4 * 8 * 4; //        2 heads of (4, 8) x (8, 4)
        long mix = 2 * 2 * 4 * 4 * 8; //           2 heads of (4, 4) x (4, 8)
        long proj = 2 * 4 * 16 * 16;
        long mlp = 2 * 4 * 16 * 32 * 2;
        long head = 2 * 4 * 16 * 8;
        long proprioHead = 2 * 1 * 16 * 2;
        long expected = action + proprio + input + condition + 2 * (qkv + scores + mix + proj + mlp) + head + proprioHead;
        assertEquals(37_232, expected); // the same hand count, as one number
        assertEquals(expected, tiny.forwardFlops(1, 1, true));
        assertEquals(expected, tiny.forwardFlops(1, 1, false)); // one frame: last-frame-only changes nothing
    }

    @Test
    void twoFrameWindowAttendsOverEightTokensAndKeepsOnlyTheLastFrameHeads() {
        long embeds = 2 * 2 * 4 * 4 + 2 * 2 * 2 * 4 + 2 * 8 * 8 * 16 + 2 * 2 * 8 * 16;
        long block = 2 * 8 * 16 * 48 + 2 * (2 * 2 * 8 * 8 * 8) + 2 * 8 * 16 * 16 + 2 * 8 * 16 * 32 * 2;
        long lastHeads = 2 * 4 * 16 * 8 + 2 * 1 * 16 * 2;
        assertEquals(77_472, embeds + 2 * block + lastHeads);
        assertEquals(embeds + 2 * block + lastHeads, tiny.forwardFlops(1, 2, true));
        assertEquals(embeds + 2 * block + 2 * lastHeads, tiny.forwardFlops(1, 2, false));
    }

    @Test
    void rolloutSlidesTheWindowAndPlansScaleWithEvaluations() {
        // from 1 context frame: windows of 1, 2, 2 frames (history 2)
        assertEquals(1, tiny.windowAt(1, 0));
        assertEquals(2, tiny.windowAt(1, 1));
        assertEquals(2, tiny.windowAt(1, 2));
        assertEquals(2, tiny.windowAt(5, 0));
        assertEquals(37_232 + 2 * 77_472, tiny.rolloutFlopsPerCandidate(3, 1));
        assertEquals(300L * 10 * tiny.rolloutFlopsPerCandidate(3, 1), tiny.planFlops(3000, 3, 1));
        assertEquals(300 * tiny.forwardFlops(1, 2, true), tiny.forwardFlops(300, 2, true));
    }

    @Test
    void gaussianHeadDoublesTheLatentHeadAndActionTokensLengthenTheSequence() {
        PredictorFlops gaussian = new PredictorFlops(PredictorConfig.tiny(), 8, true);
        assertEquals(2 * 4 * 16 * 8, gaussian.forwardFlops(1, 1, true) - tiny.forwardFlops(1, 1, true));
        PredictorFlops tokens = new PredictorFlops(PredictorConfig.tiny().withActionTokens(true), 8, false);
        List<MatmulShape> shapes = tokens.forward(3, 2, true);
        MatmulShape scores = shapes.stream().filter(s -> s.name().equals("block0.scores")).findFirst().orElseThrow();
        assertEquals(new MatmulShape("block0.scores", 6, 10, 8, 10), scores); // 2 frames x (4 + 1) tokens
    }

    @Test
    void wallPresetPlanCountIsStable() {
        PredictorConfig wall = PredictorConfig.wall();
        PredictorFlops counter = new PredictorFlops(wall, wall.featureDim(), false);
        // 300 x 5 x 10 from one context frame: 50 forwards of 300 candidates over 9 tokens. By hand, per forward
        // (2·m·k·n): embeddings 60,000 + 12,000 + 768,000; input projection 2·2700·384·64 = 132,710,400; per block
        // qkv 66,355,200 + scores and mixing 2 x 3,110,400 + output 22,118,400 + MLP 2 x 44,236,800 = 183,168,000,
        // three blocks; heads 132,710,400 + 76,800: 815,841,600.
        assertEquals(50 * counter.forwardFlops(300, 1, true), counter.planFlops(3000, 5, 1));
        assertEquals(50L * 815_841_600L, counter.planFlops(3000, 5, 1));
    }

    @Test
    void badSizesAreRefusedByName() {
        assertEquals("frames: expected 1..2, got 3",
                assertThrows(IllegalArgumentException.class, () -> tiny.forward(1, 3, true)).getMessage());
        assertEquals("batch: expected at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> tiny.forward(0, 1, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MatmulShape("x", 1, 0, 1, 1));
    }
}
