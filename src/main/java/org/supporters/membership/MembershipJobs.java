package org.supporters.membership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.supporters.platform.ScheduledJob;

/** The membership module's background job. */
@Configuration(proxyBeanMethods = false)
class MembershipJobs {

	/** Each instance keeps its own copy of the keys: every instance reloads. */
	@Bean
	ScheduledJob signingKeyReloadJob(SigningKeys keys, SigningKeyProperties properties) {
		return ScheduledJob.unlocked("signing-key-reload", properties.keyReloadInterval(), keys::reloadRegularly);
	}

}
