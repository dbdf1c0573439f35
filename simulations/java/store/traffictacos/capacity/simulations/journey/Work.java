package store.traffictacos.capacity.simulations.journey;

/** The request an arriving virtual user makes: a step of a journey. */
public record Work(Journey journey, Step step) {}
