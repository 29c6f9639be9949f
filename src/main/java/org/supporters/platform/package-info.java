/**
 * What every module stands on: the embedded PostgreSQL default, configuration, clock and
 * error pages.
 */
package org.supporters.platform;
