package ai.foresight.worldmodel.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class LiveScalarTest {

    /** A collection between forward and backward must not change d(3x)/dx (it does for NDArray.mul(Number)). */
    @Test
    void gradientSurvivesGarbageCollectionBeforeBackward() {
        int wrong = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int trial = 0; trial < 60; trial++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = step.ones(new Shape(4));
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = LiveScalar.times(x, 3);
                        for (int k = 0; k < 20; k++) {
                            step.create((float) k).close(); // reuse freed small buffers with other values
                        }
                        if (trial % 3 == 0) {
                            System.gc();
                        }
                        gc.backward(y.sum());
                    }
                    if (x.getGradient().toFloatArray()[0] != 3f) {
                        wrong++;
                    }
                }
            }
        }
        assertEquals(0, wrong, "gradients of 3x that were not 3");
    }
}
