/**
 * What a supporter is entitled to now, derived from pledges, payments and comps, for
 * article pages to check.
 */
package org.supporters.membership;
