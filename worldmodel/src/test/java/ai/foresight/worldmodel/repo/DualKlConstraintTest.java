package ai.foresight.worldmodel.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.foresight.worldmodel.RepoConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class DualKlConstraintTest {

    @Test
    void betaRisesWhileKlExceedsTheBudgetAndFallsBelowIt() {
        RepoConfig config = RepoConfig.defaults(); // ε = 3 nats, β₀ = 1e-5, lr 1e-4
        DualKlConstraint dual = new DualKlConstraint(config);
        assertEquals(1e-5, dual.beta(), 1e-15);
        double previous = dual.beta();
        for (int i = 0; i < 50; i++) {
            double beta = dual.update(10.0);
            assertTrue(beta > previous, "KL 10 > ε 3: β must rise at step " + i);
            previous = beta;
        }
        // Adam with a constant gradient moves log β by lr per step
        assertEquals(Math.log(1e-5) + 50 * 1e-4, Math.log(dual.beta()), 1e-6);
        DualKlConstraint under = new DualKlConstraint(config);
        for (int i = 0; i < 20; i++) {
            previous = under.beta();
            assertTrue(under.update(0.5) < previous, "KL 0.5 < ε 3: β must fall");
        }
    }

    @Test
    void betaStopsAtItsBoundsWhenTheBudgetIsNeverMetOrAlwaysMet() {
        RepoConfig fast = RepoConfig.defaults().withDualLearningRate(0.5);
        DualKlConstraint over = new DualKlConstraint(fast);
        DualKlConstraint under = new DualKlConstraint(fast);
        for (int i = 0; i < 200; i++) {
            over.update(75.0);
            under.update(0.0);
        }
        assertEquals(DualKlConstraint.MAX_BETA, over.beta(), 1e-9 * DualKlConstraint.MAX_BETA);
        assertEquals(DualKlConstraint.MIN_BETA, under.beta(), 1e-9 * DualKlConstraint.MIN_BETA);
        for (int i = 0; i < 100; i++) { // Adam's first moment has to turn before β moves
            over.update(0.0);
        }
        assertTrue(over.beta() < DualKlConstraint.MAX_BETA / 2, "once the budget is met β comes down from the cap: " + over.beta());
    }

    @Test
    void stateRoundTripsExactly() throws Exception {
        DualKlConstraint a = new DualKlConstraint(RepoConfig.tiny());
        a.update(4.0);
        a.update(0.2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        DualKlConstraint b = new DualKlConstraint(RepoConfig.tiny());
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(a.update(3.0), b.update(3.0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> a.update(Double.NaN));
    }
}
