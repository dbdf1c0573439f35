/**
 * The Gatling side of the project: {@link TicketingSimulation}, the simulation every runner runs, and
 * the packages below it. The simulations may import the toolkit ({@code src/main/java}); the toolkit
 * must not import them. This package may import {@code simulations.run}.
 */
package store.traffictacos.capacity.simulations;
