// Planners on one model: DINO-WM's CEM against iCEM (Pinneri et al. 2020), TD-MPC2's MPPI, gradient descent
// through the model and CEM refined by gradients. Same model, same start, same evaluation pairs.
// Run it: ./foresight shell experiments/notebooks/planners.jsh
var preset = Presets.notebook();
var world = World.wall();
var model = WorldModels.train(Datasets.generate(world, preset), preset);
var table = PlannerComparison.run(model, world, Planners.all(), preset.evalPairs(), preset.evalBudget());
System.out.println(table);                         // one plan from the same start, then closed-loop success
System.out.println(table.row("cem").plan());       // any row's plan: cost per iteration, actions
var best = table.rows().stream().min(Comparator.comparingDouble(r -> r.evaluation().finalDistanceMean())).get();
var bestGif = Show.gif(best.plan().preview());     // what the closest-finishing planner's plan does
var cheap = Planners.cem().samples(16).iterations(2).plan(model, world);   // a smaller search costs less ...
System.out.println(cheap);                         // ... and usually finds a worse (higher) cost
model.close();
