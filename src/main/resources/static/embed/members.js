/*
 * Supporters members.js (docs/article-pages.md). Shows [data-members-only] to readers with the
 * members-only benefit, [data-benefit="x"] to readers with benefit x, [data-tier="slug"] to that
 * tier or above; [data-support-prompt] and [data-support-ask] to non-members without fewer-asks,
 * their /support and /sign-in links returning to this page. Keep them `hidden` in the
 * HTML. Hiding is not protection: hidden parts are in the HTML for anyone to read.
 */
(function () {
	'use strict';
	var script = document.currentScript;
	var base = script ? new URL(script.src, document.baseURI).origin : '';

	function all(selector) {
		return Array.prototype.slice.call(document.querySelectorAll(selector));
	}

	function show(element, visible) {
		element.hidden = !visible;
	}

	function link(path, text) {
		var anchor = document.createElement('a');
		anchor.href = base + path;
		anchor.textContent = text;
		return anchor;
	}

	function prompt() {
		var found = all('[data-support-prompt]');
		if (found.length || !script || !script.parentNode) {
			return found;
		}
		var box = document.createElement('p');
		box.className = 'supporters-prompt';
		box.setAttribute('data-support-prompt', '');
		box.appendChild(link('/support', 'Support our journalism'));
		box.appendChild(document.createTextNode(' · '));
		box.appendChild(link('/sign-in', 'Sign in'));
		script.parentNode.insertBefore(box, script.nextSibling);
		return [box];
	}

	function fillAsk(element) {
		if (element.children.length || element.textContent.trim()) {
			return;
		}
		var text = document.createElement('p');
		text.appendChild(document.createTextNode('Reporting like this is paid for by its readers. '));
		text.appendChild(link('/support', 'Support us'));
		text.appendChild(document.createTextNode(' · Already a supporter? '));
		text.appendChild(link('/sign-in', 'Sign in'));
		element.appendChild(text);
	}

	function addReturn(element) {
		var anchors = element.tagName === 'A' ? [element] : Array.prototype.slice.call(element.querySelectorAll('a[href]'));
		anchors.forEach(function (anchor) {
			var url = new URL(anchor.href, document.baseURI);
			if (url.origin === base && (url.pathname === '/support' || url.pathname === '/sign-in')
					&& !url.searchParams.has('return')) {
				url.searchParams.set('return', location.href);
				anchor.href = url.toString();
			}
		});
	}

	function rank(tiers, slug) {
		return slug ? tiers.indexOf(slug) : -1;
	}

	function apply(membership, tiers) {
		var benefits = membership.benefits || [];
		var member = membership.member === true;
		document.documentElement.setAttribute('data-membership', membership.status || 'none');
		all('[data-members-only]').forEach(function (element) {
			show(element, member && benefits.indexOf('members-only') >= 0);
		});
		all('[data-benefit]').forEach(function (element) {
			show(element, member && benefits.indexOf(element.getAttribute('data-benefit')) >= 0);
		});
		all('[data-tier]').forEach(function (element) {
			var wanted = element.getAttribute('data-tier');
			var at = rank(tiers, membership.tier);
			show(element, member && !!membership.tier
				&& (membership.tier === wanted || (at >= 0 && rank(tiers, wanted) >= 0 && at >= rank(tiers, wanted))));
		});
		var asks = !member && benefits.indexOf('fewer-asks') < 0;
		(asks ? prompt() : all('[data-support-prompt]')).forEach(function (element) {
			addReturn(element);
			show(element, asks);
		});
		all('[data-support-ask]').forEach(function (element) {
			if (asks) {
				fillAsk(element);
				addReturn(element);
			}
			show(element, asks);
		});
		document.dispatchEvent(new CustomEvent('supporters:membership', { detail: membership }));
	}

	function failSafe() {
		document.documentElement.setAttribute('data-membership', 'unknown');
	}

	function json(path, credentials, signal) {
		return fetch(base + path, {
			credentials: credentials,
			headers: { 'Accept': 'application/json' },
			signal: signal
		}).then(function (response) {
			if (!response.ok) {
				throw new Error(path + ' ' + response.status);
			}
			return response.json();
		});
	}

	function tierOrder(signal) {
		if (!document.querySelector('[data-tier]')) {
			return Promise.resolve([]);
		}
		return json('/api/v1/tiers', 'omit', signal).then(function (answer) {
			return (answer.tiers || []).map(function (tier) { return tier.slug; });
		}, function () {
			return [];
		});
	}

	function start() {
		var controller = typeof AbortController === 'function' ? new AbortController() : null;
		var signal = controller ? controller.signal : undefined;
		var timer = controller ? setTimeout(function () { controller.abort(); }, 5000) : null;
		Promise.all([json('/api/v1/membership', 'include', signal), tierOrder(signal)]).then(function (answers) {
			apply(answers[0], answers[1]);
		}).catch(failSafe).then(function () {
			clearTimeout(timer);
		});
	}

	try {
		if (document.readyState === 'loading') {
			document.addEventListener('DOMContentLoaded', start);
		}
		else {
			start();
		}
	}
	catch (e) {
		failSafe();
	}
})();
