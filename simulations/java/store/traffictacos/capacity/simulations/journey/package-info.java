/**
 * The ticketing journey as plain logic, without Gatling: a user's way through the sale
 * ({@link Journey}, {@link Step}, {@link Outcome}), the traffic mix ({@link JourneyPlan}) and the
 * journeys in flight, which choose each next request ({@link JourneyBook}). Imports nothing else of the
 * project.
 */
package store.traffictacos.capacity.simulations.journey;
