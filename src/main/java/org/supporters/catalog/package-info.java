/**
 * What is on offer: tiers, their prices per currency and interval, and their benefits.
 */
package org.supporters.catalog;
