package org.supporters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Other modules count with one line on Micrometer's global registry
 * ({@code Metrics.counter(...)}), with nothing to inject; this puts the service's
 * registry into it, in tests too, where Spring Boot leaves the global registry out.
 */
@Component
class GlobalRegistry implements MeterBinder {

	@Override
	public void bindTo(MeterRegistry registry) {
		Metrics.addRegistry(registry);
	}

}
