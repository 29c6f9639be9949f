/**
 * The reader's sign-up flow: the support page, starting a checkout and the pages a reader
 * returns to.
 */
package org.supporters.pledge;
