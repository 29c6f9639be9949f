/**
 * What a supporter is entitled to now, derived from pledges, payments and comps, for
 * article pages to check; and the admin pages for API keys and comps.
 */
package org.supporters.membership;
