/**
 * What is on offer: tiers, their prices per currency and interval, and their benefits;
 * and the admin pages that change them.
 */
package org.supporters.catalog;
