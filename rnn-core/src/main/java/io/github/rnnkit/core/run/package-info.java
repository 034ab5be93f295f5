/**
 * Independent training runs as plain values: a {@link io.github.rnnkit.core.run.TrainingTask} says
 * what to train on which data, {@link io.github.rnnkit.core.run.TaskRunner} trains and evaluates one
 * on a single thread, and {@link io.github.rnnkit.core.run.LocalRunner} runs a plan of them on a
 * pool of threads, saving each outcome as it arrives so that a killed plan resumes without redoing
 * finished tasks. Tasks and outcomes are {@link java.io.Serializable}, so that a distributed runner
 * (rnn-spark's, found by {@link io.github.rnnkit.core.run.PlanRunners}) can ship them to executors.
 * On top of them: {@link io.github.rnnkit.core.run.SweepGrid} (a hyper-parameter grid on walk-forward
 * folds), {@link io.github.rnnkit.core.run.SeriesTask} and {@link io.github.rnnkit.core.run.GlobalSeriesModel}
 * (many series), and {@link io.github.rnnkit.core.run.SeedPlan} (several models over seeds, each
 * {@link io.github.rnnkit.core.run.SeedTask} building its data from a {@link io.github.rnnkit.core.run.DatasetRecipe}).
 */
package io.github.rnnkit.core.run;
