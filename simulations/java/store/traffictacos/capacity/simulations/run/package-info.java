/**
 * One runner's run from start to end ({@link CapacityRun}): its settings resolved once
 * ({@link RunSettings}, from the toolkit's {@code RunnerSettings}), the target and its check, the
 * recording, the live progress, and what it leaves at the end ({@link ResultsOutput}: results files,
 * summary, report). It assembles the other simulations packages with the toolkit, so it may import them.
 */
package store.traffictacos.capacity.simulations.run;
