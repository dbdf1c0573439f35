/**
 * One distributed run: {@link RunController} drives it through the stages of {@link Stage}, one
 * {@link RunStage} class each, over a {@link RunBackend}, and records where it is in the run folder. The
 * subpackages hold the runner fleets, the platform scaler and the assembly of a backend. May import its
 * subpackages {@code fleet} and {@code scale}, and {@code runner}, {@code report}, {@code results},
 * {@code platform}, {@code profile}, {@code yaml} and {@code config}.
 */
package store.traffictacos.capacity.controller;
