/**
 * The business invariants of a sale, checked on what the journeys themselves saw the platform answer:
 * no seat sold twice, no waiting token admitted twice (nor after it left), no confirm without an approved
 * payment (nor a reservation paid twice), no confirm after its hold expired.
 *
 * <p>Each runner keeps a {@link store.traffictacos.capacity.results.invariants.Ledger} beside its latency
 * recorder and leaves it as {@code invariants.json} in its results folder ({@link
 * store.traffictacos.capacity.results.invariants.LedgerFile}); the report merges every runner's file and
 * checks the whole run ({@link store.traffictacos.capacity.results.invariants.InvariantCheck}), so that a
 * seat sold by runner 0 and again by runner 2 is caught. Memory is bounded by what was sold and admitted,
 * never by requests: seats are bits per event, ids 128-bit numbers in open-addressed tables.
 * This package imports nothing else of the project.
 */
@NullMarked
package store.traffictacos.capacity.results.invariants;

import org.jspecify.annotations.NullMarked;
