/**
 * The publication's own look on reader pages and in mails: its name, logo, accent colour,
 * home and footer links, and the support page's words; the admin page that sets them and
 * the addresses that serve the logo and the colour. Nothing set, everything stays
 * neutral.
 */
package org.supporters.site;
