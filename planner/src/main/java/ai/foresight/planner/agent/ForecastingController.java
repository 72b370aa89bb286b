package ai.foresight.planner.agent;

/**
 * A {@link Controller} that also says where its model expects the agent to be once the chunk it returned
 * has run. Comparing that forecast with what really happened measures how far the plans being executed
 * lean on model error: a planner optimises against its model, and where the model is wrong (a wall it
 * lets the agent through) the optimum it finds is that mistake (model exploitation).
 */
public interface ForecastingController extends Controller {

    /**
     * The proprio (P, world units) the model imagined at the end of the chunk the last {@link #act} returned,
     * from the very actions returned; null when there is no forecast (no call yet, or a model without proprio).
     */
    float[] expectedProprio();
}
