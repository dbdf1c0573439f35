/**
 * The runners as JVMs on this machine ({@link LocalRunnerFleet}): each runs the {@code runner} command
 * in its own folder and starts at the instant the controller writes into a file. May import
 * {@code controller.fleet}, {@code runner} and {@code config}.
 */
package store.traffictacos.capacity.controller.local;
