package org.supporters.payment.sandbox;

import java.time.Duration;

import org.springframework.context.ApplicationContext;

/**
 * Moves the sandbox clock for tests outside this package, and runs the renewals that fall
 * due, as the sandbox's clock page does.
 */
public final class SandboxTime {

	private final SandboxClock clock;

	private final SandboxBilling billing;

	public SandboxTime(ApplicationContext context) {
		this.clock = context.getBean(SandboxClock.class);
		this.billing = context.getBean(SandboxBilling.class);
	}

	public void advanceAndCharge(Duration duration) {
		this.clock.advance(duration);
		this.billing.chargeDue();
	}

}
