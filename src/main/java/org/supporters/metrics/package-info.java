/**
 * The service's own figures for Prometheus: counters fed by the ledger's events, gauges
 * read from the database at each scrape.
 */
package org.supporters.metrics;
