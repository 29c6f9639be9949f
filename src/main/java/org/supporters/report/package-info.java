/**
 * Staff reports: the dashboard with its charts, the supporter list and detail, CSV
 * exports, comps, inbox health.
 */
package org.supporters.report;
