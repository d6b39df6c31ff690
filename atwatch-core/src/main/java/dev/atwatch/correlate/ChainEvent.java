package dev.atwatch.correlate;

/**
 * Where one event stands in a chain.
 *
 * @param chain the chain's id ({@link Chain#id()})
 * @param link the link the event records
 */
public record ChainEvent(String chain, Link link) {}
