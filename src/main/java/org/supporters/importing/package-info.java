/**
 * Moving members from Patreon (or another service's CSV): the dry run, the import into
 * supporters with comps until the date they have paid through, the invitation campaign
 * that asks them to pledge here, and the report that watches the move.
 */
package org.supporters.importing;
