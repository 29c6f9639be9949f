/**
 * Supporters, their pledges and payments, kept right by applying what the payment
 * providers report.
 */
package org.supporters.supporter;
