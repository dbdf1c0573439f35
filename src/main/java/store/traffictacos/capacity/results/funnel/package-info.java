/**
 * The purchase funnel of a run: per phase, the journeys that set out to purchase and how far they went
 * (joined, admitted, held, paid, confirmed, or dropped on the way), and how long a journey waited from its join
 * to its granted enter (time to admission).
 *
 * <p>Each runner keeps a {@link store.traffictacos.capacity.results.funnel.FunnelRecorder} (counters and one
 * histogram per phase: nothing allocated per request) and leaves it as {@code funnel.json} in its results
 * folder ({@link store.traffictacos.capacity.results.funnel.FunnelFile}); the report adds every runner's
 * counts and histograms ({@link store.traffictacos.capacity.results.funnel.Funnel#merge}). A journey counts in
 * the phase in which it joined, whatever phase it reached its later steps in. This package imports nothing
 * else of the project.
 */
@NullMarked
package store.traffictacos.capacity.results.funnel;

import org.jspecify.annotations.NullMarked;
