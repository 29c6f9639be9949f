/**
 * The asks at the end of articles and in banners: staff write them and their variants,
 * the site's members.js shows them and counts views and clicks without knowing the
 * reader, and staff see which variant brings pledges.
 */
package org.supporters.ask;
