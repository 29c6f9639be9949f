/**
 * Staff reports, read only: the dashboard with its charts, the supporter list and detail,
 * CSV exports.
 */
package org.supporters.report;
