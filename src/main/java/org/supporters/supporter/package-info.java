/**
 * The ledger: supporters, their pledges and payments, and the rules of a pledge's life
 * ({@code LedgerRules}), applied to what the payment providers report
 * ({@link org.supporters.supporter.PledgeReported},
 * {@link org.supporters.supporter.PaymentReported}). Other modules read it through
 * {@link org.supporters.supporter.Supporters} and listen to its events:
 * {@link org.supporters.supporter.PledgeStarted},
 * {@link org.supporters.supporter.PledgeRenewed},
 * {@link org.supporters.supporter.RenewalFailed},
 * {@link org.supporters.supporter.RenewalRetryFailed},
 * {@link org.supporters.supporter.PledgeRecovered},
 * {@link org.supporters.supporter.PledgeCanceled},
 * {@link org.supporters.supporter.PledgeEnded},
 * {@link org.supporters.supporter.PaymentRefunded}. The dashboard's summary (tables
 * {@code ledger_day}, {@code ledger_part}) is kept by the schema's triggers in the
 * transaction of each change and rebuilt by
 * {@link org.supporters.supporter.LedgerSummaries}.
 */
package org.supporters.supporter;
